import { deserialize, serialize } from 'node:v8';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { transferOf } from './worker-script';

describe('transferOf', () => {
  it('moves bytes that own their whole buffer: the receiver has them, the sender no longer', () => {
    const records = serialize({ changes: ['二手冰箱', '天河区'] });
    const { port1, port2 } = new MessageChannel();
    port1.postMessage({ records }, transferOf(records));
    const received = receiveMessageOnPort(port2)!.message as { records: Uint8Array };
    expect(deserialize(received.records)).toEqual({ changes: ['二手冰箱', '天河区'] });
    expect(records.byteLength).toBe(0);
    port1.close();
  });

  it('leaves a view into a larger or shared buffer where it is', () => {
    const pooled = Buffer.from('一页'); // a slice of Node's pool of small Buffers
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength);
    expect(transferOf(pooled)).toEqual([]);
    const whole = new Uint8Array(64);
    expect(transferOf(whole.subarray(8))).toEqual([]);
    expect(transferOf(new Uint8Array(new SharedArrayBuffer(16)))).toEqual([]);
    expect(transferOf({ valid: [], quarantined: [] })).toEqual([]);
    expect(transferOf(whole)).toEqual([whole.buffer]);
  });
});
