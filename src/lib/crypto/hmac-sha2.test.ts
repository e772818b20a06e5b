import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHmacTester, hmac, sha2, type HmacAlgorithm } from './hmac-sha2.ts';

const hex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));
const ascii = (text: string) => new TextEncoder().encode(text);
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const NODE_NAME = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' } as const;
const ALGORITHMS: readonly HmacAlgorithm[] = ['SHA-256', 'SHA-384', 'SHA-512'];

// FIPS 180-4 examples (NIST CSRC "Examples with intermediate values") and the empty string.
const MSG_448 = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq';
const MSG_896 =
  'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu';
const HASH_VECTORS: readonly { alg: HmacAlgorithm; message: string; digest: string }[] = [
  {
    alg: 'SHA-256',
    message: 'abc',
    digest: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  },
  {
    alg: 'SHA-256',
    message: '',
    digest: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  {
    alg: 'SHA-256',
    message: MSG_448,
    digest: '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  },
  {
    alg: 'SHA-256',
    message: MSG_896,
    digest: 'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
  },
  {
    alg: 'SHA-384',
    message: 'abc',
    digest:
      'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7',
  },
  {
    alg: 'SHA-384',
    message: '',
    digest:
      '38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b',
  },
  {
    alg: 'SHA-384',
    message: MSG_448,
    digest:
      '3391fdddfc8dc7393707a65b1b4709397cf8b1d162af05abfe8f450de5f36bc6b0455a8520bc4e6f5fe95b1fe3c8452b',
  },
  {
    alg: 'SHA-384',
    message: MSG_896,
    digest:
      '09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039',
  },
  {
    alg: 'SHA-512',
    message: 'abc',
    digest:
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
  },
  {
    alg: 'SHA-512',
    message: '',
    digest:
      'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
  },
  {
    alg: 'SHA-512',
    message: MSG_448,
    digest:
      '204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c33596fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445',
  },
  {
    alg: 'SHA-512',
    message: MSG_896,
    digest:
      '8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909',
  },
];

// RFC 4231 §4.2–4.8. Test case 5's MACs are the published 128-bit truncations.
const KEY_131 = new Uint8Array(131).fill(0xaa);
const RFC_4231: readonly {
  name: string;
  key: Uint8Array;
  data: Uint8Array;
  truncated?: true;
  mac: Record<HmacAlgorithm, string>;
}[] = [
  {
    name: 'test case 1',
    key: new Uint8Array(20).fill(0x0b),
    data: ascii('Hi There'),
    mac: {
      'SHA-256': 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
      'SHA-384':
        'afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6',
      'SHA-512':
        '87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854',
    },
  },
  {
    name: 'test case 2',
    key: ascii('Jefe'),
    data: ascii('what do ya want for nothing?'),
    mac: {
      'SHA-256': '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
      'SHA-384':
        'af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649',
      'SHA-512':
        '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
    },
  },
  {
    name: 'test case 3',
    key: new Uint8Array(20).fill(0xaa),
    data: new Uint8Array(50).fill(0xdd),
    mac: {
      'SHA-256': '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe',
      'SHA-384':
        '88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b2a5ab39dc13814b94e3ab6e101a34f27',
      'SHA-512':
        'fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb',
    },
  },
  {
    name: 'test case 4',
    key: hex('0102030405060708090a0b0c0d0e0f10111213141516171819'),
    data: new Uint8Array(50).fill(0xcd),
    mac: {
      'SHA-256': '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b',
      'SHA-384':
        '3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e6801dd23c4a7d679ccf8a386c674cffb',
      'SHA-512':
        'b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd',
    },
  },
  {
    name: 'test case 5 (truncated to 128 bits)',
    key: new Uint8Array(20).fill(0x0c),
    data: ascii('Test With Truncation'),
    truncated: true,
    mac: {
      'SHA-256': 'a3b6167473100ee06e0c796c2955552b',
      'SHA-384': '3abf34c3503b2a23a46efc619baef897',
      'SHA-512': '415fad6271580a531d4179bc891d87a6',
    },
  },
  {
    name: 'test case 6 (131-byte key)',
    key: KEY_131,
    data: ascii('Test Using Larger Than Block-Size Key - Hash Key First'),
    mac: {
      'SHA-256': '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
      'SHA-384':
        '4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952',
      'SHA-512':
        '80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598',
    },
  },
  {
    name: 'test case 7 (131-byte key, long data)',
    key: KEY_131,
    data: ascii(
      'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.',
    ),
    mac: {
      'SHA-256': '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
      'SHA-384':
        '6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5a678cc31e799176d3860e6110c46523e',
      'SHA-512':
        'e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58',
    },
  },
];

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[(bit >> 3) % copy.length]! ^= 1 << (bit & 7);
  return copy;
}

describe('sha2 (FIPS 180-4 examples)', () => {
  it.each(HASH_VECTORS)('$alg of a $message.length-byte message', ({ alg, message, digest }) => {
    expect(toHex(sha2(alg, ascii(message)))).toBe(digest);
  });

  it('matches node:crypto across every padding boundary', () => {
    for (const alg of ALGORITHMS) {
      for (let length = 0; length <= 260; length++) {
        const data = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 0xff);
        const expected = createHash(NODE_NAME[alg]).update(data).digest('hex');
        expect(toHex(sha2(alg, data)), `${alg}, ${length} bytes`).toBe(expected);
      }
    }
  });
});

describe('HMAC (RFC 4231 test cases 1–7)', () => {
  const cases = RFC_4231.flatMap((vector) =>
    ALGORITHMS.map((alg) => ({ ...vector, alg, expected: vector.mac[alg] })),
  );

  it.each(cases)('hmac: $alg $name', ({ alg, key, data, truncated, expected }) => {
    const mac = toHex(hmac(alg, key, data));
    expect(truncated ? mac.slice(0, expected.length) : mac).toBe(expected);
  });

  it.each(cases)('tester: $alg $name', ({ alg, key, data, truncated, expected }) => {
    // A truncated MAC cannot be checked in full: it must never match, whatever the key.
    if (truncated) {
      expect(createHmacTester(alg, data, hex(expected))(key)).toBe(false);
      return;
    }
    const tester = createHmacTester(alg, data, hex(expected));
    expect(tester(key)).toBe(true);
    expect(tester(flipBit(key, 0))).toBe(false);
    expect(tester(key.subarray(1))).toBe(false);
  });
});

describe('createHmacTester', () => {
  it('never matches an expected MAC of the wrong length', () => {
    const key = ascii('secret');
    const message = ascii('message');
    for (const alg of ALGORITHMS) {
      const mac = hmac(alg, key, message);
      expect(createHmacTester(alg, message, mac)(key)).toBe(true);
      expect(createHmacTester(alg, message, mac.subarray(0, mac.length - 1))(key)).toBe(false);
      expect(createHmacTester(alg, message, new Uint8Array(0))(key)).toBe(false);
      const longer = new Uint8Array(mac.length + 1);
      longer.set(mac);
      expect(createHmacTester(alg, message, longer)(key)).toBe(false);
    }
  });

  it('reads only `length` bytes of a reused key buffer', () => {
    const message = ascii('header.payload');
    const mac = createHmac('sha256', 'abc').update(message).digest();
    const tester = createHmacTester('SHA-256', message, mac);
    const buffer = new Uint8Array(300).fill(0x41);
    buffer.set(ascii('abc'));
    expect(tester(buffer, 3)).toBe(true);
    expect(tester(buffer, 4)).toBe(false);
    expect(tester(buffer)).toBe(false);
  });

  it('reads the key at `offset` in a packed buffer, short and longer than a block', () => {
    const message = ascii('header.payload');
    for (const alg of ALGORITHMS) {
      const hash = alg.replace('-', '').toLowerCase();
      for (const key of ['abc', 'k'.repeat(200)]) {
        const mac = createHmac(hash, key).update(message).digest();
        const tester = createHmacTester(alg, message, mac);
        const packed = new Uint8Array(key.length + 20).fill(0x41);
        packed.set(ascii(key), 7);
        expect(tester(packed, key.length, 7)).toBe(true);
        expect(tester(packed, key.length, 6)).toBe(false);
        expect(tester(packed, key.length, 8)).toBe(false);
      }
    }
  });

  it('is unaffected by the keys tried before (long, short, empty)', () => {
    const message = ascii('m');
    for (const alg of ALGORITHMS) {
      const key = ascii('k');
      const tester = createHmacTester(alg, message, hmac(alg, key, message));
      expect(tester(new Uint8Array(500).fill(7))).toBe(false);
      expect(tester(new Uint8Array(0))).toBe(false);
      expect(tester(key)).toBe(true);
    }
  });

  it('rejects an unknown algorithm', () => {
    expect(() =>
      createHmacTester('MD5' as HmacAlgorithm, new Uint8Array(), new Uint8Array()),
    ).toThrow(TypeError);
  });
});

describe('properties against node:crypto createHmac', () => {
  const arbitrary = fc.record({
    alg: fc.constantFrom(...ALGORITHMS),
    key: fc.uint8Array({ minLength: 0, maxLength: 200 }),
    message: fc.uint8Array({ minLength: 0, maxLength: 1000 }),
    bit: fc.nat(),
  });

  it('hmac equals createHmac', () => {
    fc.assert(
      fc.property(arbitrary, ({ alg, key, message }) => {
        const expected = createHmac(NODE_NAME[alg], key).update(message).digest('hex');
        expect(toHex(hmac(alg, key, message))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('the tester accepts the right key and rejects a one-bit change of key or MAC', () => {
    fc.assert(
      fc.property(arbitrary, ({ alg, key, message, bit }) => {
        const mac = new Uint8Array(createHmac(NODE_NAME[alg], key).update(message).digest());
        const tester = createHmacTester(alg, message, mac);
        expect(tester(key)).toBe(true);
        if (key.length > 0) expect(tester(flipBit(key, bit))).toBe(false);
        expect(createHmacTester(alg, message, flipBit(mac, bit))(key)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
