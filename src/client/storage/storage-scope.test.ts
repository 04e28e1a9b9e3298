import { describe, expect, it } from 'vitest';
import { fnv1a, jwtSubject, storageScope } from './storage-scope.js';

const base64url = (value: object) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const jwt = (claims: object) => `${base64url({ alg: 'HS256' })}.${base64url(claims)}.signature`;

describe('storageScope', () => {
  it('names origin, agent and the JWT subject', () => {
    const token = jwt({ sub: 'user-42', exp: 1 });
    expect(storageScope({ url: 'http://127.0.0.1:4000/some/path', agentId: 'default', token })).toBe('http%3A%2F%2F127.0.0.1%3A4000|default|sub%3Auser-42');
  });

  it('gives two tokens of one subject one scope, and two subjects two scopes', () => {
    const scopeOf = (token: string) => storageScope({ url: 'https://a.example', agentId: 'bot', token });
    expect(scopeOf(jwt({ sub: 'alice', iat: 1 }))).toBe(scopeOf(jwt({ sub: 'alice', iat: 2 })));
    expect(scopeOf(jwt({ sub: 'alice' }))).not.toBe(scopeOf(jwt({ sub: 'bob' })));
  });

  it('falls back to a hash of an opaque token, and never holds the token itself', () => {
    const scope = storageScope({ url: 'https://a.example', agentId: 'bot', token: 'secret-opaque-token' });
    expect(scope).toBe(`https%3A%2F%2Fa.example|bot|t${fnv1a('secret-opaque-token')}`);
    expect(scope).not.toContain('secret');
    expect(storageScope({ url: 'https://a.example', agentId: 'bot', token: 'other-token' })).not.toBe(scope);
  });

  it('uses the given scope over the token', () => {
    expect(storageScope({ url: 'https://a.example', agentId: 'bot', scope: 'team|7', token: jwt({ sub: 'alice' }) })).toBe('https%3A%2F%2Fa.example|bot|team%7C7');
  });

  it('reads no subject from a token that is not a JWT with a string sub', () => {
    for (const token of ['', 'a.b', 'a.!!!.c', `x.${base64url({ sub: 7 })}.y`, `x.${base64url({ sub: '' })}.y`, 'x.bnVsbA.y']) {
      expect(jwtSubject(token)).toBeUndefined();
    }
    expect(jwtSubject(jwt({ sub: 'ok' }))).toBe('sub:ok');
  });
});
