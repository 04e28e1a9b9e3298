import type { ReactNode } from 'react';
import type { ElementContent, Root } from 'hast';

/** A highlighter's hast tree as React elements: spans with their classes and text, nothing else. */
export function hastToReact(tree: Root): ReactNode[] {
  return renderNodes(tree.children as ElementContent[]);
}

function renderNodes(nodes: readonly ElementContent[]): ReactNode[] {
  return nodes.map((node, index) => {
    if (node.type === 'text') return node.value;
    if (node.type !== 'element') return null;
    const className = node.properties.className;
    return (
      <span key={index} className={Array.isArray(className) ? className.join(' ') : typeof className === 'string' ? className : undefined}>
        {renderNodes(node.children)}
      </span>
    );
  });
}
