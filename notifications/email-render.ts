import type { Language, NotificationContent } from './content.ts';
import { WORDS } from './words.ts';

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** A signed link to a page where the recipient makes the decision the email asks for. */
export interface ActionLink {
  readonly label: string;
  readonly url: string;
}

const ACCENT: Record<NotificationContent['tone'], string> = {
  info: '#3370ff',
  action: '#ff8800',
  warning: '#d99e00',
  success: '#2ea121',
  danger: '#e22e28',
};

const FONT = `-apple-system,BlinkMacSystemFont,'Segoe UI','PingFang SC','Hiragino Sans GB','Microsoft YaHei',Helvetica,Arial,sans-serif`;

const greeting = (name: string | undefined, language: Language): string =>
  language === 'zh' ? `${name ? `${name}，` : ''}您好：` : `Dear ${name ?? 'colleague'},`;

const footer = (language: Language): string =>
  language === 'zh'
    ? '此邮件由千校万企协同创新平台自动发送，请勿直接回复。'
    : 'Sent automatically by the 千校万企 collaborative innovation platform. Please do not reply to this email.';

const actionsHeading = (language: Language): string =>
  language === 'zh' ? '可直接在网页上处理（链接仅供您本人使用，请勿转发）：' : 'Decide on the web (this link is for you alone; please do not forward it):';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text from users (titles, comments, terms) made safe for HTML; line breaks kept. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const htmlText = (text: string): string => escapeHtml(text).replace(/\r?\n/g, '<br>');

const textPart = (content: NotificationContent, language: Language, recipientName: string | undefined, actions: readonly ActionLink[]): string => {
  const { colon } = WORDS[language];
  const blocks = [
    greeting(recipientName, language),
    `${content.title}\n${'='.repeat(Math.min(60, [...content.title].length * 2))}`,
    ...content.paragraphs,
    content.facts.map((fact) => `${fact.label}${colon}${fact.value}`).join('\n'),
    [
      ...(content.bullets.length > 0 && content.bulletsHeading ? [`${content.bulletsHeading}${colon.trimEnd()}`] : []),
      ...content.bullets.map((bullet) => `- ${bullet}`),
    ].join('\n'),
    actions.length === 0 ? '' : [actionsHeading(language), ...actions.map((link) => `${link.label}${WORDS[language].colon}${link.url}`)].join('\n'),
    `--\n${footer(language)}`,
  ];
  return `${blocks.filter((block) => block.length > 0).join('\n\n')}\n`;
};

const htmlPart = (content: NotificationContent, language: Language, recipientName: string | undefined, actions: readonly ActionLink[]): string => {
  const accent = ACCENT[content.tone];
  const links =
    actions.length === 0
      ? ''
      : `<p style="margin:0 0 8px;">${htmlText(actionsHeading(language))}</p>` +
        actions
          .map(
            (link) =>
              `<p style="margin:0 0 12px;"><a href="${escapeHtml(link.url)}" style="display:inline-block;padding:10px 18px;background:${accent};color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;">${htmlText(link.label)}</a></p>`,
          )
          .join('');
  const paragraph = (text: string) => `<p style="margin:0 0 12px;">${htmlText(text)}</p>`;
  const facts =
    content.facts.length === 0
      ? ''
      : `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:4px 0 16px;border-collapse:collapse;width:100%;">${content.facts
          .map(
            (fact) =>
              `<tr><td style="padding:6px 12px 6px 0;color:#646a73;white-space:nowrap;vertical-align:top;border-bottom:1px solid #eff0f1;">${htmlText(fact.label)}</td>` +
              `<td style="padding:6px 0;vertical-align:top;border-bottom:1px solid #eff0f1;">${htmlText(fact.value)}</td></tr>`,
          )
          .join('')}</table>`;
  const bullets =
    content.bullets.length === 0
      ? ''
      : `${content.bulletsHeading ? `<p style="margin:0 0 6px;font-weight:600;">${htmlText(content.bulletsHeading)}</p>` : ''}<ul style="margin:0 0 16px;padding-left:20px;">${content.bullets.map((bullet) => `<li style="margin:0 0 6px;">${htmlText(bullet)}</li>`).join('')}</ul>`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${language === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f5f6f7;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f5f6f7;"><tr><td align="center" style="padding:24px 12px;">`,
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="width:100%;max-width:600px;background:#ffffff;border-top:4px solid ${accent};font-family:${FONT};font-size:15px;line-height:1.6;color:#1f2329;">`,
    `<tr><td style="padding:24px 28px 4px;"><h1 style="margin:0 0 16px;font-size:20px;line-height:1.4;color:#1f2329;">${htmlText(content.title)}</h1>`,
    paragraph(greeting(recipientName, language)),
    ...content.paragraphs.map(paragraph),
    facts,
    bullets,
    links,
    '</td></tr>',
    `<tr><td style="padding:12px 28px 20px;border-top:1px solid #eff0f1;font-size:12px;color:#8f959e;">${htmlText(footer(language))}</td></tr>`,
    '</table></td></tr></table></body></html>',
  ].join('\n');
};

/**
 * A notification as an email: its subject, a plain-text part and an HTML part saying the same.
 * Every piece of content is escaped, since titles, comments and terms come from users; the
 * layout is inline-styled tables, which every mail client renders. `actions` are the signed links
 * (web/action-links.ts) to make the decision the email asks for on a web page.
 */
export const renderEmail = (
  content: NotificationContent,
  options: { language: Language; recipientName?: string; actions?: readonly ActionLink[] },
): RenderedEmail => ({
  // A line break in a user's title must not end the header.
  subject: content.subject.replace(/\s+/g, ' '),
  text: textPart(content, options.language, options.recipientName, options.actions ?? []),
  html: htmlPart(content, options.language, options.recipientName, options.actions ?? []),
});
