import { describe, expect, it } from 'vitest';
import { describeJsonKind, describeJsonValue } from './describe-json.ts';

describe('describeJsonKind', () => {
  it.each([
    [null, 'null'],
    [[1], 'an array'],
    [{ a: 1 }, 'an object'],
    ['secret', 'a string'],
    [42, 'a number'],
    [true, 'a boolean'],
  ])('%j is %s, without showing the value', (value, expected) => {
    expect(describeJsonKind(value)).toBe(expected);
  });
});

describe('describeJsonValue', () => {
  it.each([
    ['', 'an empty string'],
    ['tomorrow', 'the string "tomorrow"'],
    ['x'.repeat(50), `the string "${'x'.repeat(40)}…"`],
    [256, 'the number 256'],
    [false, 'false'],
    [null, 'null'],
    [['HS256'], 'an array'],
  ])('%j is %s', (value, expected) => {
    expect(describeJsonValue(value)).toBe(expected);
  });
});
