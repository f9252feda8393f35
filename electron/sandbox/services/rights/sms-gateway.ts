import { randomInt } from 'node:crypto';
import type { PlatformDb } from '../../store/database';

export const verificationSmsText = (code: string, ticketNumber: string) =>
  `【讯通】您的身份核验码为${code}，用于办理个人信息请求（工单号 ${ticketNumber}）。客服人员会请您读出此码，请勿告知其他人。如非本人申请，请忽略本短信。`;

/**
 * The sandbox's stand-in for the SMS provider: a message "sent" is a row in sms_messages, where
 * tests and demos read the code a user would have received on the registered phone.
 */
export function sendVerificationCode(db: PlatformDb, phone: string, ticketId: string, ticketNumber: string, at: Date): string {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const text = verificationSmsText(code, ticketNumber);
  db.prepare('INSERT INTO sms_messages (ticket_id, phone, text, code, at) VALUES (?, ?, ?, ?, ?)').run(ticketId, phone, text, code, at.toISOString());
  return code;
}
