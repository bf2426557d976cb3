'use strict'
// The Node side of NoiseConformanceTest: one peer of a Noise handshake run by the npm package noise-protocol
// (3.0.2, libsodium), driven line by line over a local TCP socket by the Java test.
//
// noise-protocol ships only BLAKE2b; it takes its hash as a module (createHandshake({ dh, hash, ... })), so SHA-256
// is given here: the hash from libsodium (crypto_hash_sha256) and HMAC from Node's OpenSSL, with HKDF as section
// 4.3 of the Noise specification defines it. Ephemeral keys come from the Java test (dh.generateKeypair is
// replaced by a queue) so the test can compare this side's bytes with the reference's.
// noise-protocol has no psk token: psk patterns run through the small driver below, on noise-protocol's own
// SymmetricState and CipherState. Everything else (the patterns, token processing, split) is noise-protocol's.
//
// Split directions: the specification's Split() returns (c1, c2), c1 for initiator-to-responder. noise-protocol
// 3.0.2 returns { tx, rx } named by who wrote the last handshake message (writer: tx = c1; reader: rx = c1), which
// is the specification's assignment only when the initiator writes last (N, K, X, XN, XK, XX: an odd number of
// messages). For two-message patterns such as KK its initiator sends with c2, so "split" puts the halves back in
// the specification's order; "split-as-library" keeps noise-protocol's, and the test shows that this does not
// interoperate with a specification-conformant peer.
//
// Commands (one line each, hex payloads, "-" for empty), one reply line each:
//   start <protocol> <initiator|responder> <prologue> <static secret> <remote static> <psk> <ephemeral secrets,>
//   write <payload>   -> message <hex>      read <message>   -> payload <hex>
//   hash              -> hash <hex>         split | split-as-library -> ok
//   encrypt <payload> -> message <hex>      decrypt <message> -> payload <hex>
//   rekey-send | rekey-receive -> ok
// Any refusal answers "error <text>" and ends the session.

const net = require('net')
const crypto = require('crypto')
const readline = require('readline')
const sodium = require('sodium-universal')
const noise = require('noise-protocol')
const baseDh = require('noise-protocol/dh')
const cipherModule = require('noise-protocol/cipher')
const cipherStateModule = require('noise-protocol/cipher-state')
const symmetricStateModule = require('noise-protocol/symmetric-state')

const sha256 = {
  HASHLEN: 32,
  BLOCKLEN: 64,
  ALG: 'SHA256',
  hash (out, data) {
    const input = Buffer.concat(data.map(d => Buffer.from(d.buffer, d.byteOffset, d.byteLength)))
    sodium.crypto_hash_sha256(out, input)
  },
  hkdf (out1, out2, out3, chainingKey, inputKeyMaterial) {
    const hmac = (key, parts) => {
      const h = crypto.createHmac('sha256', Buffer.from(key))
      for (const p of parts) h.update(Buffer.from(p))
      return h.digest()
    }
    const temp = hmac(chainingKey, [inputKeyMaterial])
    const o1 = hmac(temp, [Buffer.from([1])])
    const o2 = hmac(temp, [o1, Buffer.from([2])])
    out1.set(o1)
    out2.set(o2)
    if (out3 != null) out3.set(hmac(temp, [o2, Buffer.from([3])]))
  }
}

let ephemerals = []
const dh = Object.assign({}, baseDh(), {
  generateKeypair (pk, sk) {
    if (ephemerals.length === 0) throw new Error('no ephemeral key left from the test')
    sk.set(ephemerals.shift())
    sodium.crypto_scalarmult_base(pk, sk)
  }
})
const cipher = cipherModule()
const cipherState = cipherStateModule({ cipher })
const symmetricState = symmetricStateModule({ hash: sha256, cipherState })
const handshake = noise.createHandshake({ dh, hash: sha256, cipher, cipherState, symmetricState })

const hex = b => (b.byteLength === 0 ? '-' : Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex'))
const unhex = s => (s === '-' ? Buffer.alloc(0) : Buffer.from(s, 'hex'))

function keyPair (secret) {
  const pair = { publicKey: Buffer.alloc(32), secretKey: Buffer.from(secret) }
  sodium.crypto_scalarmult_base(pair.publicKey, pair.secretKey)
  return pair
}

// Only the tokens of Noise_NNpsk0 (the relay's pairing): psk first, then e, ee. The e token mixes the ephemeral
// into the key because the pattern has a psk (section 9.2).
const PSK_PATTERNS = {
  NNpsk0: [['initiator', 'psk', 'e'], ['responder', 'e', 'ee']]
}

function pskHandshake (pattern, role, prologue, psk) {
  const state = Buffer.alloc(symmetricState.STATELEN)
  symmetricState.initializeSymmetric(state, Buffer.from(`Noise_${pattern}_25519_ChaChaPoly_SHA256`, 'ascii'))
  symmetricState.mixHash(state, prologue)
  const messages = PSK_PATTERNS[pattern].map(m => m.slice())
  let e = null
  let re = null
  const dhMix = () => {
    const out = Buffer.alloc(32)
    dh.dh(out, e.secretKey, re)
    symmetricState.mixKey(state, out)
  }
  const finish = () => {
    if (messages.length > 0) return null
    const c1 = Buffer.alloc(cipherState.STATELEN)
    const c2 = Buffer.alloc(cipherState.STATELEN)
    symmetricState.split(state, c1, c2)
    return { c1, c2 }
  }
  return {
    state,
    write (payload) {
      const m = messages.shift()
      if (m[0] !== role) throw new Error('not this side\'s turn to write')
      const parts = []
      for (const t of m.slice(1)) {
        if (t === 'psk') symmetricState.mixKeyAndHash(state, psk)
        else if (t === 'e') {
          e = { publicKey: Buffer.alloc(32), secretKey: Buffer.alloc(32) }
          dh.generateKeypair(e.publicKey, e.secretKey)
          parts.push(Buffer.from(e.publicKey))
          symmetricState.mixHash(state, e.publicKey)
          symmetricState.mixKey(state, e.publicKey)
        } else if (t === 'ee') dhMix()
      }
      const out = Buffer.alloc(payload.length + 16)
      symmetricState.encryptAndHash(state, out, payload)
      parts.push(out.subarray(0, symmetricState.encryptAndHash.bytesWritten))
      return { message: Buffer.concat(parts), split: finish() }
    },
    read (message) {
      const m = messages.shift()
      if (m[0] === role) throw new Error('not this side\'s turn to read')
      let at = 0
      for (const t of m.slice(1)) {
        if (t === 'psk') symmetricState.mixKeyAndHash(state, psk)
        else if (t === 'e') {
          if (message.length - at < 32) throw new Error('message too short for e')
          re = Buffer.from(message.subarray(at, at + 32))
          at += 32
          symmetricState.mixHash(state, re)
          symmetricState.mixKey(state, re)
        } else if (t === 'ee') dhMix()
      }
      const rest = message.subarray(at)
      const out = Buffer.alloc(rest.length)
      symmetricState.decryptAndHash(state, out, rest)
      return { payload: out.subarray(0, symmetricState.decryptAndHash.bytesWritten), split: finish() }
    }
  }
}

function libraryHandshake (pattern, role, prologue, s, rs) {
  const hs = handshake.initialize(pattern, role === 'initiator', prologue, s, null, rs)
  return {
    state: hs.symmetricState,
    write (payload) {
      const buffer = Buffer.alloc(65535)
      const split = handshake.writeMessage(hs, payload, buffer)
      return { message: buffer.subarray(0, handshake.writeMessage.bytes), split: split && { c1: split.tx, c2: split.rx, library: split } }
    },
    read (message) {
      const buffer = Buffer.alloc(65535)
      const split = handshake.readMessage(hs, message, buffer)
      return { payload: buffer.subarray(0, handshake.readMessage.bytes), split: split && { c1: split.rx, c2: split.tx, library: split } }
    }
  }
}

function session (socket) {
  let hs = null
  let split = null
  let transport = null
  let role = null
  const reply = line => socket.write(line + '\n')
  const rl = readline.createInterface({ input: socket })
  rl.on('line', line => {
    const [command, ...args] = line.trim().split(' ')
    try {
      switch (command) {
        case 'start': {
          const [protocol, side, prologue, s, rs, psk, eph] = args
          role = side
          const m = /^Noise_([A-Za-z0-9+]+)_25519_ChaChaPoly_SHA256$/.exec(protocol)
          if (!m) throw new Error('unsupported protocol ' + protocol)
          ephemerals = eph === '-' ? [] : eph.split(',').map(unhex)
          split = null
          transport = null
          hs = m[1].includes('psk')
            ? pskHandshake(m[1], role, unhex(prologue), unhex(psk))
            : libraryHandshake(m[1], role, unhex(prologue), s === '-' ? null : keyPair(unhex(s)),
              rs === '-' ? null : unhex(rs))
          reply('ok')
          break
        }
        case 'write': {
          const r = hs.write(unhex(args[0]))
          split = r.split || split
          reply('message ' + hex(r.message))
          break
        }
        case 'read': {
          const r = hs.read(unhex(args[0]))
          split = r.split || split
          reply('payload ' + hex(r.payload))
          break
        }
        case 'hash': {
          if (!split) throw new Error('handshake not complete')
          const h = Buffer.alloc(32)
          symmetricState.getHandshakeHash(hs.state, h)
          reply('hash ' + hex(h))
          break
        }
        case 'split': {
          if (!split) throw new Error('handshake not complete')
          transport = role === 'initiator' ? { tx: split.c1, rx: split.c2 } : { tx: split.c2, rx: split.c1 }
          reply('ok')
          break
        }
        case 'split-as-library':
          if (!split || !split.library) throw new Error('no split from noise-protocol\'s own handshake')
          transport = split.library
          reply('ok')
          break
        case 'encrypt': {
          const plaintext = unhex(args[0])
          const out = Buffer.alloc(plaintext.length + 16)
          cipherState.encryptWithAd(transport.tx, out, Buffer.alloc(0), plaintext)
          reply('message ' + hex(out.subarray(0, cipherState.encryptWithAd.bytesWritten)))
          break
        }
        case 'decrypt': {
          const ciphertext = unhex(args[0])
          const out = Buffer.alloc(ciphertext.length)
          cipherState.decryptWithAd(transport.rx, out, Buffer.alloc(0), ciphertext)
          reply('payload ' + hex(out.subarray(0, cipherState.decryptWithAd.bytesWritten)))
          break
        }
        case 'rekey-send':
          cipherState.rekey(transport.tx)
          reply('ok')
          break
        case 'rekey-receive':
          cipherState.rekey(transport.rx)
          reply('ok')
          break
        default:
          throw new Error('unknown command ' + command)
      }
    } catch (err) {
      reply('error ' + String(err && err.message ? err.message : err).replace(/\s+/g, ' '))
    }
  })
  rl.on('close', () => process.exit(0))
}

const port = Number(process.argv[2])
const socket = net.connect(port, '127.0.0.1', () => session(socket))
socket.on('error', err => {
  process.stderr.write('noise-peer: ' + err.message + '\n')
  process.exit(3)
})
