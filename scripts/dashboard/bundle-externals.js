// bundle-polkadot-api.js (16.5.6) reads two of its dependencies from globals that no
// polkadot.js bundle defines: `util$1` (@polkadot/types/util) and `constants`
// (@polkadot/types/extrinsic/constants). Without `util$1`, every storage query fails with
// "Cannot read properties of undefined (reading 'unwrapStorageSi')". This file defines
// the two members the api bundle uses, from what the types bundle exports, and must load
// after bundle-polkadot-types.js and before bundle-polkadot-api.js.
(() => {
  // A storage entry's value type: the plain type, or the value type of a map.
  const unwrapStorageSi = (type) => (type.isPlain ? type.asPlain : type.asMap.value);
  globalThis.util$1 ??= { unwrapStorageSi };
  globalThis.constants ??= {
    LATEST_EXTRINSIC_VERSION: globalThis.polkadotTypes.GenericExtrinsic.LATEST_EXTRINSIC_VERSION,
  };
})();
