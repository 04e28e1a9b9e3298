const topics = ['retries', 'caching', 'streaming', 'queues', 'indexes', 'timeouts', 'backpressure', 'sharding'];

function block(index: number): string {
  const topic = topics[index % topics.length]!;
  switch (index % 8) {
    case 0:
      return `## ${index / 8 + 1}. On ${topic}`;
    case 1:
      return `When a client talks to a server about **${topic}**, it should keep the \`attempt\` count and read [the guide](https://example.com/${topic}) before it gives up. The rest is _detail_ and ~~guesswork~~ measurement.`;
    case 2:
      return [`- first, measure ${topic} under load`, `- then pick a budget of ${index} ms`, '- finally, write the number down'].join('\n');
    case 3:
      return ['```ts', `export function ${topic}Budget(attempt: number): number {`, '  const base = 250;', '  return Math.min(base * 2 ** attempt, 10_000);', '}', '```'].join('\n');
    case 4:
      return ['| setting | value | note |', '| :--- | ---: | --- |', `| ${topic} | ${index} | default |`, '| ceiling | 10000 | ms |'].join('\n');
    case 5:
      return `> Quoted advice on ${topic}: never retry a request that is not idempotent without a key.`;
    case 6:
      return [`1. Check the ${topic} dashboard`, '2. Compare with last week', '3. Raise the limit only with a reason'].join('\n');
    default:
      return `A plain paragraph about ${topic} that goes on for a while, so that the open tail grows well past the size of a single token and the cost of lexing it again shows up in the count.`;
  }
}

/** A long answer of 200 markdown blocks (headings, paragraphs, lists, fences, tables, quotes), as a model writes it. */
export const longAnswer = Array.from({ length: 200 }, (_, index) => block(index)).join('\n\n');

/** `text` cut into tokens of 3 to 8 characters, with a fixed seed so counts repeat. */
export function tokenize(text: string, seed = 7): string[] {
  const tokens: string[] = [];
  let state = seed;
  let offset = 0;
  while (offset < text.length) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const size = 3 + (state % 6);
    tokens.push(text.slice(offset, offset + size));
    offset += size;
  }
  return tokens;
}
