// Sealed builds from JavaScript: the envelope of node/sealing (the Rust crate the provider
// agent opens with), made with @hpke/core in the same suite — RFC 9180 base mode,
// DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305. No cryptography is written
// here: @hpke/* wraps the content key for each recipient and its ChaCha20-Poly1305
// encrypts the payload. The layout and the rules are documented in node/sealing/src/lib.rs;
// node/sealing/tests/vectors/interop.json is an envelope both sides must reproduce.
import { createRequire } from 'node:module';
import { webcrypto } from 'node:crypto';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { CipherSuite, HkdfSha256 } = require('@hpke/core');
const { DhkemX25519HkdfSha256 } = require('@hpke/dhkem-x25519');
const { Chacha20Poly1305 } = require('@hpke/chacha20poly1305');

export const MAGIC = new TextEncoder().encode('AZRASEAL');
export const VERSION = 1;
export const MAX_RECIPIENTS = 8;
export const HEADER_LEN = 11;
export const KEY_LEN = 32;
const ENC_LEN = 32;
const WRAPPED_KEY_LEN = 48;
export const RECIPIENT_ENTRY_LEN = KEY_LEN + ENC_LEN + WRAPPED_KEY_LEN;
export const TAG_LEN = 16;
const PAYLOAD_NONCE = new Uint8Array(12);

const PURPOSES = {
  input: { byte: 0, info: 'azra sealed build v1: input' },
  output: { byte: 1, info: 'azra sealed build v1: output' },
};

const suite = new CipherSuite({
  kem: new DhkemX25519HkdfSha256(),
  kdf: new HkdfSha256(),
  aead: new Chacha20Poly1305(),
});

/** An envelope that cannot be made or opened; `code` names the rule, as the Rust crate does. */
export class SealError extends Error {
  constructor(code, message) {
    super(`${code}: ${message}`);
    this.code = code;
  }
}

function purposeOf(name) {
  const purpose = PURPOSES[name];
  if (!purpose) throw new SealError('WrongPurpose', `unknown purpose ${name}`);
  return purpose;
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function bytes32(value, what) {
  if (!(value instanceof Uint8Array) || value.length !== 32) {
    throw new SealError('InvalidPublicKey', `${what} must be 32 bytes`);
  }
  return value;
}

/** The associated data of an envelope: genesis hash, builder account, spec hash. */
export function associatedData({ genesisHash, builder, specHash }) {
  return concat(bytes32(genesisHash, 'genesisHash'), bytes32(builder, 'builder'), bytes32(specHash, 'specHash'));
}

async function exportPair(pair) {
  return {
    publicKey: new Uint8Array(await suite.kem.serializePublicKey(pair.publicKey)),
    secretKey: new Uint8Array(await suite.kem.serializePrivateKey(pair.privateKey)),
  };
}

/** A new X25519 key pair (a builder's output key): { publicKey, secretKey }, raw bytes. */
export async function generateKeyPair() {
  return exportPair(await suite.kem.generateKeyPair());
}

/** The key pair RFC 9180's DeriveKeyPair makes of `ikm` (for vectors and seeds). */
export async function deriveKeyPair(ikm) {
  return exportPair(await suite.kem.deriveKeyPair(ikm));
}

/**
 * Seals `payload` to `recipients` (1 to 8 distinct 32-byte X25519 keys), bound to
 * `context` ({ genesisHash, builder, specHash }) and `purpose` ('input' | 'output').
 * `randomness` ({ contentKey, ephemeralIkms }) is for test vectors only.
 */
export async function seal({ purpose, recipients, context, payload, randomness }) {
  const { byte, info } = purposeOf(purpose);
  if (!recipients || recipients.length === 0) throw new SealError('NoRecipients', 'an envelope needs at least one recipient');
  if (recipients.length > MAX_RECIPIENTS) throw new SealError('TooManyRecipients', `at most ${MAX_RECIPIENTS} recipients`);
  const seen = new Set();
  for (const key of recipients) {
    const hex = Buffer.from(bytes32(key, 'a recipient key')).toString('hex');
    if (seen.has(hex)) throw new SealError('DuplicateRecipient', 'a recipient is listed twice');
    seen.add(hex);
  }
  const contentKey = randomness?.contentKey ?? webcrypto.getRandomValues(new Uint8Array(32));
  const aad = associatedData(context);
  const infoBytes = new TextEncoder().encode(info);

  const parts = [MAGIC, Uint8Array.of(VERSION, byte, recipients.length)];
  for (const [i, key] of recipients.entries()) {
    let sender;
    try {
      sender = await suite.createSenderContext({
        recipientPublicKey: await suite.kem.deserializePublicKey(key),
        info: infoBytes,
        ...(randomness ? { ekm: randomness.ephemeralIkms[i] } : {}),
      });
    } catch (err) {
      throw new SealError('SealFailed', `HPKE could not wrap the content key: ${err.message}`);
    }
    const wrapped = new Uint8Array(await sender.seal(contentKey, aad));
    parts.push(key, new Uint8Array(sender.enc), wrapped);
  }
  const header = concat(...parts);
  const payloadCipher = new Chacha20Poly1305().createEncryptionContext(contentKey);
  const ciphertext = new Uint8Array(await payloadCipher.seal(PAYLOAD_NONCE, payload, concat(aad, header)));
  return concat(header, ciphertext);
}

/** The parts of an envelope, or a SealError. */
export function parse(envelope) {
  const bytes = envelope instanceof Uint8Array ? envelope : new Uint8Array(envelope);
  if (bytes.length < HEADER_LEN || !MAGIC.every((b, i) => bytes[i] === b)) {
    throw new SealError('Malformed', 'not a sealed-build envelope');
  }
  if (bytes[8] !== VERSION) throw new SealError('UnsupportedVersion', `envelope version ${bytes[8]}`);
  const purpose = Object.keys(PURPOSES).find((name) => PURPOSES[name].byte === bytes[9]);
  if (!purpose) throw new SealError('Malformed', 'unknown purpose');
  const count = bytes[10];
  if (count === 0 || count > MAX_RECIPIENTS) throw new SealError('Malformed', 'recipient count out of range');
  const headerLen = HEADER_LEN + count * RECIPIENT_ENTRY_LEN;
  if (bytes.length < headerLen + TAG_LEN) throw new SealError('Malformed', 'shorter than its header says');
  const entries = [];
  for (let i = 0; i < count; i++) {
    const at = HEADER_LEN + i * RECIPIENT_ENTRY_LEN;
    entries.push({
      recipient: bytes.slice(at, at + KEY_LEN),
      enc: bytes.slice(at + KEY_LEN, at + KEY_LEN + ENC_LEN),
      wrappedKey: bytes.slice(at + KEY_LEN + ENC_LEN, at + RECIPIENT_ENTRY_LEN),
    });
  }
  return { purpose, header: bytes.slice(0, headerLen), entries, payload: bytes.slice(headerLen) };
}

/** The recipient keys of an envelope, in order. */
export function recipients(envelope) {
  return parse(envelope).entries.map((entry) => entry.recipient);
}

/** Opens `envelope` with `keyPair` ({ publicKey, secretKey }), one of its recipients. */
export async function open({ purpose, envelope, keyPair, context }) {
  const { info } = purposeOf(purpose);
  const parsed = parse(envelope);
  if (parsed.purpose !== purpose) throw new SealError('WrongPurpose', `a ${parsed.purpose} envelope`);
  const entry = parsed.entries.find((e) => e.recipient.every((b, i) => b === keyPair.publicKey[i]));
  if (!entry) throw new SealError('NotARecipient', 'this key is not one of the recipients');
  const aad = associatedData(context);
  let contentKey;
  let payload;
  try {
    const recipient = await suite.createRecipientContext({
      recipientKey: await suite.kem.deserializePrivateKey(keyPair.secretKey),
      enc: entry.enc,
      info: new TextEncoder().encode(info),
    });
    contentKey = new Uint8Array(await recipient.open(entry.wrappedKey, aad));
    const payloadCipher = new Chacha20Poly1305().createEncryptionContext(contentKey);
    payload = new Uint8Array(await payloadCipher.open(PAYLOAD_NONCE, parsed.payload, concat(aad, parsed.header)));
  } catch {
    throw new SealError('DoesNotOpen', 'altered, or made for another chain, builder or program');
  } finally {
    contentKey?.fill(0);
  }
  return payload;
}
