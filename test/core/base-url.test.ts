import { describe, expect, it } from 'vitest';
import { checkBaseUrl, DEFAULT_BASE_URL } from '../../src/core/base-url.js';
import { ValidationError } from '../../src/core/errors.js';

function rejection(value: string): ValidationError {
  try {
    checkBaseUrl(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error(`accepted ${value}`);
}

describe('checkBaseUrl', () => {
  it('defaults to the production https URL, which passes', () => {
    expect(DEFAULT_BASE_URL).toBe('https://business.bfinance.app/external/api');
    expect(checkBaseUrl(DEFAULT_BASE_URL)).toBe(DEFAULT_BASE_URL);
  });

  it.each([
    ['https://business.bfinance.app/external/api/', 'https://business.bfinance.app/external/api'],
    ['https://example.com', 'https://example.com'],
    ['https://example.com:8443/api//', 'https://example.com:8443/api'],
    ['HTTPS://EXAMPLE.COM/Api', 'https://example.com/Api'],
  ])('accepts https %s as %s', (input, expected) => {
    expect(checkBaseUrl(input)).toBe(expected);
  });

  it.each([
    'http://localhost:3000/api',
    'http://LOCALHOST:3000',
    'http://127.0.0.1:8080',
    'http://127.1.2.3',
    'http://127.1',
    'http://[::1]:4010/external/api',
  ])('accepts plain http on the loopback host %s', (input) => {
    expect(checkBaseUrl(input)).toBe(new URL(input).href.replace(/\/+$/, ''));
  });

  it.each([
    'http://example.com',
    'http://business.bfinance.app/external/api',
    'http://localhost.evil.com',
    'http://127.0.0.1.nip.io',
    'http://10.0.0.1',
    'http://192.168.1.10:8080',
    'http://0.0.0.0',
    'http://[::2]',
    'http://[::ffff:127.0.0.1]',
    'ws://localhost',
    'ftp://example.com',
    'file:///etc/passwd',
  ])('rejects %s as not https', (input) => {
    const error = rejection(input);
    expect(error.field).toBe('baseUrl');
    expect(error.rule).toBe('https');
    expect(error.hint).toContain(DEFAULT_BASE_URL);
  });

  it.each(['not a url', '', '/external/api', 'business.bfinance.app'])('rejects %j as no URL', (input) => {
    expect(rejection(input).rule).toBe('url');
  });

  it.each([
    'https://user:pass@example.com',
    'https://token@example.com',
    'https://example.com/api?token=x',
    'https://example.com/api#x',
  ])('rejects %s for carrying credentials, a query or a fragment, without echoing it', (input) => {
    const error = rejection(input);
    expect(error.rule).toBe('plain_url');
    expect(error.message).not.toContain('pass');
    expect(error.message).not.toContain('token');
  });
});
