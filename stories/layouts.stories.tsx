import type { Meta, StoryObj } from '@storybook/react-vite';
import { PlatosChat } from '@platosdev/client/react';
import { expect, within } from 'storybook/test';
import type { EventBody } from '../mock-server/scenarios/index.js';
import type { ChatLabels } from '../src/components/chat/chat-customization.js';
import { withThreadEvents } from './support/thread-fixture.js';
import { STORY_TURN } from './support/thread-script.js';

interface LayoutChatProps {
  threadId: string;
  /** Width of the chat's container in pixels; unset fills the canvas. */
  width?: number;
  dir?: 'ltr' | 'rtl';
  lang?: string;
  labels?: ChatLabels;
}

function LayoutChat({ threadId, width, dir, lang, labels }: LayoutChatProps) {
  return (
    <div dir={dir} lang={lang} style={{ width, height: 640 }}>
      <PlatosChat threadId={threadId} {...(labels ? { labels, title: labels.chatTitle } : {})} />
    </div>
  );
}

const meta = {
  title: 'Chat/Layouts',
  component: LayoutChat,
  render: (args, { id }) => <LayoutChat {...args} threadId={id} />,
  args: { threadId: 'layout' },
  argTypes: { threadId: { control: false } },
} satisfies Meta<typeof LayoutChat>;

export default meta;
type Story = StoryObj<typeof meta>;

const messageId = STORY_TURN.messageId;
const toolCallId = 'call-search';

/** Content that tends to push a narrow chat sideways: a long URL, a wide table and code, a tool call, an approval. */
function wideContent(text: { answer: string; tool: string; query: string; reason: string }): EventBody[] {
  return [
    { type: 'text-delta', messageId, delta: text.answer },
    { type: 'tool-call-start', toolCallId, tool: text.tool },
    { type: 'tool-call-args', toolCallId, delta: JSON.stringify({ query: text.query, url: 'https://docs.example.com/a/very/long/path/without/any/break/points/reconnect-and-resume-after-network-loss' }) },
    { type: 'tool-call-result', toolCallId, result: { hits: [{ title: text.query, score: 0.92 }] } },
    { type: 'approval-pending', approvalId: 'approval-publish', tool: 'publish_summary', args: { channel: '#release-notes-and-announcements' }, reason: text.reason },
  ];
}

const englishAnswer = [
  'Read https://docs.example.com/guides/streaming/reconnect-and-resume-after-a-network-loss-without-duplicates first.',
  '',
  '| event | what it carries | when it comes |',
  '| --- | --- | --- |',
  '| text-delta | a piece of the answer text | while the model writes |',
  '| tool-call-args | a piece of the JSON arguments | while the call is prepared |',
  '',
  '```ts',
  "const client = createPlatosClient({ url: 'https://agents.example.com', token, reconnect: { baseMs: 500, capMs: 10_000 } });",
  '```',
].join('\n');

const arabicAnswer = [
  '## الاستئناف بعد انقطاع الاتصال',
  '',
  'يستأنف العميل من **آخر حدث مطبّق**، ثم يعيد الخادم ما فاته بالترتيب.',
  '',
  '- التحقق من كل إطار قبل تطبيقه',
  '- إزالة التكرار حسب المعرّف',
  '',
  '```ts',
  'client.threads.resync(threadId)',
  '```',
].join('\n');

const arabicLabels: ChatLabels = {
  chatTitle: 'المساعد',
  chatEmptyState: 'اسأل أي شيء للبدء.',
  connectionLive: 'متصل',
  messageListLabel: 'الرسائل',
  jumpToLatest: 'الانتقال إلى الأحدث',
  messageUser: 'أنت',
  messageAssistant: 'المساعد',
  composerPlaceholder: 'اكتب رسالة إلى المساعد…',
  composerInput: 'الرسالة',
  composerSend: 'إرسال',
  composerStop: 'إيقاف',
  toolCallRegion: 'استدعاء أداة',
  toolCallRunning: 'قيد التشغيل',
  toolCallSucceeded: 'تم',
  toolCallArguments: 'المعاملات',
  toolCallResult: 'النتيجة',
  approvalRegion: 'موافقة',
  approvalTitle: 'هل تسمح بتشغيل {tool}؟',
  approvalArguments: 'المعاملات',
  approvalApprove: 'موافقة',
  approvalDeny: 'رفض',
  approvalDenyWithNote: 'لا، مع ذكر السبب…',
  footerResponding: 'يكتب الآن',
  copyCode: 'نسخ الشيفرة',
  codeCopied: 'نُسخت',
};

/** Fails when the chat or its message list is wider inside than it is on screen. */
function expectNoHorizontalOverflow(chat: HTMLElement, list: HTMLElement) {
  expect(chat.scrollWidth).toBeLessThanOrEqual(chat.clientWidth);
  expect(list.scrollWidth).toBeLessThanOrEqual(list.clientWidth);
  // The list's rows themselves stay inside it (code and tables scroll within their own boxes).
  const listBox = list.getBoundingClientRect();
  for (const row of list.querySelectorAll<HTMLElement>('.platos-message')) {
    const box = row.getBoundingClientRect();
    expect(box.left).toBeGreaterThanOrEqual(listBox.left - 0.5);
    expect(box.right).toBeLessThanOrEqual(listBox.right + 0.5);
  }
}

/** Right to left: `dir="rtl"` on a wrapper, an Arabic conversation and Arabic labels. */
export const RightToLeft: Story = {
  args: { dir: 'rtl', lang: 'ar', labels: arabicLabels },
  decorators: [
    withThreadEvents(wideContent({ answer: arabicAnswer, tool: 'search_docs', query: 'استئناف البث', reason: 'سيُنشر الملخص في القناة العامة.' }), {
      userText: 'كيف تستأنف المحادثة بعد انقطاع الاتصال؟',
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const chat = await canvas.findByRole('region', { name: 'المساعد' });
    const list = canvas.getByRole('log', { name: 'الرسائل' });
    expect(getComputedStyle(chat).direction).toBe('rtl');
    expect(await canvas.findByRole('heading', { name: 'الاستئناف بعد انقطاع الاتصال' })).toBeInTheDocument();
    expect(canvas.getByRole('textbox', { name: 'الرسالة' })).toHaveAttribute('placeholder', 'اكتب رسالة إلى المساعد…');
    // The user's bubble sits at the end of the line, which is the left in right-to-left.
    const userBubble = canvas.getByRole('article', { name: 'أنت' }).querySelector('.platos-message-bubble') as HTMLElement;
    const listBox = list.getBoundingClientRect();
    const bubbleBox = userBubble.getBoundingClientRect();
    expect(bubbleBox.left - listBox.left).toBeLessThan(listBox.right - bubbleBox.right);
    // Code and JSON read left to right inside a right-to-left page.
    const codeBlocks = [...chat.querySelectorAll('pre')];
    expect(codeBlocks.length).toBeGreaterThan(0);
    expect(codeBlocks.map((pre) => getComputedStyle(pre).direction)).toEqual(codeBlocks.map(() => 'ltr'));
    expectNoHorizontalOverflow(chat, list);
  },
};

/** A 360 px wide phone: long links, a wide table and code, a tool call and an approval all fit the width. */
export const Mobile: Story = {
  args: { width: 360 },
  decorators: [withThreadEvents(wideContent({ answer: englishAnswer, tool: 'search_documentation_index', query: 'resume after reconnect', reason: 'The summary is posted to a public channel.' }))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const chat = await canvas.findByRole('region', { name: 'Assistant' });
    const list = canvas.getByRole('log', { name: 'Messages' });
    expect(chat.getBoundingClientRect().width).toBe(360);
    expect(await canvas.findByRole('table')).toBeInTheDocument();
    expect(canvas.getByRole('region', { name: 'Approval: publish_summary' })).toBeInTheDocument();
    expectNoHorizontalOverflow(chat, list);
    const composer = canvasElement.querySelector('.platos-composer') as HTMLElement;
    expect(composer.scrollWidth).toBeLessThanOrEqual(composer.clientWidth);
  },
};
