import type { NotificationContent } from './content.ts';
import type { Payload } from './payloads.ts';
import type { Wording } from './wording.ts';

/**
 * The coordinators' alert that a message could not be delivered for good: to whom, on which
 * channel, why, and how to send it again once the directory is fixed.
 */
export const deliveryFailed = (p: Payload<'delivery_failed'>, w: Wording): NotificationContent => {
  const channel = p.channel === 'lark' ? w.say('飞书', 'Lark') : w.say('邮件', 'email');
  const about = p.reference ? `[${p.reference}] ` : '';
  const resend = `npm run cli -- resend ${p.notificationId}`;
  return {
    subject: w.say(`${about}消息无法送达：${p.recipient}（${channel}）`, `${about}Message not delivered: ${p.recipient} (${channel})`),
    title: w.say('消息无法送达', 'Message not delivered'),
    tone: 'danger',
    paragraphs: [
      w.say(
        `发给 ${p.recipient} 的${channel}消息被拒收，不会再自动重试。`,
        `The ${channel} message to ${p.recipient} was refused and will not be retried by itself.`,
      ),
      w.say(
        `请在通讯录中更正此人的${p.channel === 'lark' ? '飞书账号（open_id）' : '邮箱地址'}，然后运行 ${resend} 重新发送。`,
        `Correct their ${p.channel === 'lark' ? 'Lark account (open_id)' : 'email address'} in the directory, then run ${resend} to send it again.`,
      ),
    ],
    facts: [
      ...(p.reference ? [{ label: w.words.label.reference, value: p.reference }] : []),
      ...(p.title ? [{ label: w.words.label.title, value: p.title }] : []),
      { label: w.say('收件人', 'Recipient'), value: p.recipient },
      { label: w.words.label.reason, value: p.reason },
    ],
    bullets: [],
    calendar: [],
  };
};
