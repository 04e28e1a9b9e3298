/** The markdown the default scenario streams before its tool calls. */
export const DEFAULT_INTRO_TEXT = `## Plan for a streaming chat

I will look up the relevant notes first, then put together a short answer with an example.
`;

/** The markdown the default scenario streams after its tool calls. */
export const DEFAULT_BODY_TEXT = `

### What matters most

1. **Validate** every frame before it touches the view.
2. **Deduplicate** by event id, because a resume may replay what you already have.
3. **Resume** from the last applied event after a reconnect.

Here is a minimal subscription:

\`\`\`ts
const stop = client.threads.watch('thread-1', (update) => {
  if (update.kind === 'event') console.log(update.event.type, update.event.seq);
});
\`\`\`

| Event | Meaning |
| --- | --- |
| \`text-delta\` | more assistant text |
| \`tool-call-start\` | a tool is being called |
| \`finish\` | the turn is over |

More detail lives in the [protocol notes](https://example.com/platos/protocol).
`;

/** The markdown the default scenario streams after the approval. */
export const DEFAULT_OUTRO_TEXT = `

Thanks for the decision. The background job has finished and the summary artifact is up to date.`;
