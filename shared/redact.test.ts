import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact';

describe('redactSecrets', () => {
  it.each([
    ['reveal of 13800138000 for listing lst_0000042', 'reveal of 138****8000 for listing lst_0000042'],
    ['卖家电话 138 0013 8000，请核实', '卖家电话 138****8000，请核实'],
    ['contact: 138-0013-8000.', 'contact: 138****8000.'],
    ['call +86 159 2000 7162 now', 'call 159****7162 now'],
    ['{"phone":"008618620001234"}', '{"phone":"186****1234"}'],
  ])('masks the mobile number in %j', (line, expected) => {
    expect(redactSecrets(line)).toBe(expected);
  });

  it('leaves numbers that are not mobiles alone', () => {
    const line = 'order 202611200000123 at 2026-11-20T02:00:00.000Z seq 12345678901 landline 020-83118000 id usr_0000003';
    // 12345678901 starts with 12: no mainland mobile does.
    expect(redactSecrets(line)).toBe(line);
    expect(redactSecrets('ts=17323456789012')).toBe('ts=17323456789012');
  });

  it('masks e-mail addresses', () => {
    expect(redactSecrets('mail privacy@xuntong.example.cn bounced')).toBe('mail p***@*** bounced');
  });

  it('masks bearer headers, JWTs and the platform’s own tokens wherever they are', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdGZfMDAwOCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    expect(redactSecrets(`GET /v1/changes authorization: Bearer ${jwt}`)).not.toContain(jwt);
    expect(redactSecrets(`headers {"authorization":"Bearer xta_8kZ2nQ0vW9yR3tL5mB1cX7dF4gH6jK0p"}`)).not.toMatch(/8kZ2nQ0v/);
    expect(redactSecrets(`refresh failed for xtr_Qm9yZS1zZWNyZXQtcmVmcmVzaC10b2tlbg`)).toBe('refresh failed for [redacted]');
    expect(redactSecrets(`token in url ?t=${jwt}`)).toBe('token in url ?t=[redacted]');
  });

  it('masks secrets named by their key, in key=value and JSON alike', () => {
    expect(redactSecrets('login username=dpo.zhou password=hunter2-2026 ok')).toBe('login username=dpo.zhou password=[redacted] ok');
    expect(redactSecrets('{"username":"dpo.zhou","password":"p@ss word, with comma"}')).toBe('{"username":"dpo.zhou","password":"[redacted]"}');
    expect(redactSecrets('{"accessToken":"abc","refreshToken":"def","staff":{"id":"stf_0008"}}')).toBe(
      '{"accessToken":"[redacted]","refreshToken":"[redacted]","staff":{"id":"stf_0008"}}',
    );
    expect(redactSecrets("config { access_token: 'q1w2e3r4', timeout: 15000 }")).toBe("config { access_token: '[redacted]', timeout: 15000 }");
    expect(redactSecrets('POST /v1/auth/refresh body refresh_token=abc123&x=1')).toBe('POST /v1/auth/refresh body refresh_token=[redacted]&x=1');
  });

  it('masks long hex strings, such as keys and digests', () => {
    expect(redactSecrets(`key ${'a1'.repeat(32)} used`)).toBe('key [redacted] used');
  });

  it('keeps ordinary lines intact', () => {
    const line = 'core: sync:now failed: platform http://127.0.0.1:4780 unreachable (ECONNREFUSED) at 2026-11-20T02:00:00.000Z';
    expect(redactSecrets(line)).toBe(line);
    expect(redactSecrets('holiday calendar 2027.json left out: unexpected token')).toBe('holiday calendar 2027.json left out: unexpected token');
  });
});
