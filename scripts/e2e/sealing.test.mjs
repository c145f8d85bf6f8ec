// The builder's sealing (scripts/lib/sealing.mjs) without a node: RFC 9180's vector for
// the suite, the interop envelope the Rust crate (node/sealing) also reproduces and opens,
// and the envelope's refusals.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createRequire } from 'node:module';
import {
  HEADER_LEN,
  RECIPIENT_ENTRY_LEN,
  deriveKeyPair,
  generateKeyPair,
  open,
  recipients,
  seal,
} from '../lib/sealing.mjs';

const require = createRequire(import.meta.url);
const { CipherSuite, HkdfSha256 } = require('@hpke/core');
const { DhkemX25519HkdfSha256 } = require('@hpke/dhkem-x25519');
const { Chacha20Poly1305 } = require('@hpke/chacha20poly1305');

const vectors = new URL('../../node/sealing/tests/vectors/', import.meta.url);
const read = (name) => JSON.parse(readFileSync(new URL(name, vectors), 'utf8'));
const unhex = (h) => new Uint8Array(Buffer.from(h, 'hex'));
const hex = (b) => Buffer.from(b).toString('hex');

test('RFC 9180 A.2.1: @hpke reproduces the keys, enc, every ciphertext and the exports', async () => {
  const v = read('rfc9180-a2-1.json');
  assert.deepEqual([v.mode, v.kem_id, v.kdf_id, v.aead_id], [0, 0x20, 1, 3]);
  const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() });
  const recipient = await deriveKeyPair(unhex(v.ikmR));
  assert.equal(hex(recipient.publicKey), v.pkRm);
  assert.equal(hex(recipient.secretKey), v.skRm);

  const sender = await suite.createSenderContext({
    recipientPublicKey: await suite.kem.deserializePublicKey(unhex(v.pkRm)),
    info: unhex(v.info),
    ekm: unhex(v.ikmE),
  });
  assert.equal(hex(new Uint8Array(sender.enc)), v.enc);
  const receiver = await suite.createRecipientContext({
    recipientKey: await suite.kem.deserializePrivateKey(unhex(v.skRm)),
    enc: unhex(v.enc),
    info: unhex(v.info),
  });
  const last = v.encryptions.at(-1).sequence_number;
  let checked = 0;
  for (let sequence = 0; sequence <= last; sequence++) {
    const listed = v.encryptions.find((e) => e.sequence_number === sequence);
    if (listed) {
      const ct = new Uint8Array(await sender.seal(unhex(listed.pt), unhex(listed.aad)));
      assert.equal(hex(ct), listed.ct, `ciphertext at sequence number ${sequence}`);
      const pt = new Uint8Array(await receiver.open(unhex(listed.ct), unhex(listed.aad)));
      assert.equal(hex(pt), listed.pt);
      checked += 1;
    } else {
      const step = await sender.seal(new TextEncoder().encode('step'), new Uint8Array());
      await receiver.open(step, new Uint8Array());
    }
  }
  assert.equal(checked, v.encryptions.length);
  for (const e of v.exports) {
    const out = new Uint8Array(await sender.export(unhex(e.exporter_context), e.length));
    assert.equal(hex(out), e.value);
  }
});

function interop() {
  const v = read('interop.json');
  return {
    v,
    context: { genesisHash: unhex(v.genesis_hash), builder: unhex(v.builder), specHash: unhex(v.spec_hash) },
    payload: new TextEncoder().encode(v.payload_utf8),
  };
}

test('the shared interop envelope: JavaScript seals the same bytes as Rust', async () => {
  const { v, context, payload } = interop();
  const keys = await Promise.all(v.recipient_ikms.map((ikm) => deriveKeyPair(unhex(ikm))));
  assert.deepEqual(keys.map((k) => hex(k.publicKey)), v.recipient_public_keys);
  const randomness = unhex(v.randomness);
  const envelope = await seal({
    purpose: v.purpose,
    recipients: keys.map((k) => k.publicKey),
    context,
    payload,
    randomness: {
      contentKey: randomness.slice(0, 32),
      ephemeralIkms: keys.map((_, i) => randomness.slice(32 + 32 * i, 64 + 32 * i)),
    },
  });
  assert.equal(randomness.length, 32 + 32 * keys.length);
  assert.equal(hex(envelope), v.envelope);
});

test('the shared interop envelope opens for each recipient, and only under its context', async () => {
  const { v, context, payload } = interop();
  const envelope = unhex(v.envelope);
  assert.deepEqual(recipients(envelope).map(hex), v.recipient_public_keys);
  for (const ikm of v.recipient_ikms) {
    const keyPair = await deriveKeyPair(unhex(ikm));
    assert.deepEqual(await open({ purpose: v.purpose, envelope, keyPair, context }), payload);
  }
  const keyPair = await deriveKeyPair(unhex(v.recipient_ikms[0]));
  const otherGenesis = { ...context, genesisHash: new Uint8Array(32).fill(0xee) };
  await assert.rejects(open({ purpose: v.purpose, envelope, keyPair, context: otherGenesis }), { code: 'DoesNotOpen' });
  const otherBuilder = { ...context, builder: new Uint8Array(32).fill(0xee) };
  await assert.rejects(open({ purpose: v.purpose, envelope, keyPair, context: otherBuilder }), { code: 'DoesNotOpen' });
  await assert.rejects(open({ purpose: 'output', envelope, keyPair, context }), { code: 'WrongPurpose' });
});

test('a sealed envelope hides its payload; strangers, tampering and bad lists are refused', async () => {
  const { context } = interop();
  const marker = new TextEncoder().encode('input with the marker AZRA-PRIVATE-7f3a');
  const [a, b, stranger] = [await generateKeyPair(), await generateKeyPair(), await generateKeyPair()];
  const envelope = await seal({ purpose: 'input', recipients: [a.publicKey, b.publicKey], context, payload: marker });
  assert.equal(envelope.length, HEADER_LEN + 2 * RECIPIENT_ENTRY_LEN + marker.length + 16);
  assert.ok(!Buffer.from(envelope).includes(Buffer.from('AZRA-PRIVATE')));
  assert.deepEqual(await open({ purpose: 'input', envelope, keyPair: b, context }), marker);
  await assert.rejects(open({ purpose: 'input', envelope, keyPair: stranger, context }), { code: 'NotARecipient' });
  for (const at of [9, HEADER_LEN + RECIPIENT_ENTRY_LEN + 40, envelope.length - 1]) {
    const tampered = envelope.slice();
    tampered[at] ^= 1;
    await assert.rejects(open({ purpose: 'input', envelope: tampered, keyPair: b, context }));
  }
  await assert.rejects(seal({ purpose: 'input', recipients: [], context, payload: marker }), { code: 'NoRecipients' });
  const nine = await Promise.all(Array.from({ length: 9 }, (_, i) => deriveKeyPair(new Uint8Array(32).fill(i + 1))));
  await assert.rejects(seal({ purpose: 'input', recipients: nine.map((k) => k.publicKey), context, payload: marker }), { code: 'TooManyRecipients' });
  await assert.rejects(seal({ purpose: 'input', recipients: [a.publicKey, a.publicKey], context, payload: marker }), { code: 'DuplicateRecipient' });
  await assert.rejects(open({ purpose: 'input', envelope: envelope.slice(0, 20), keyPair: a, context }), { code: 'Malformed' });
});
