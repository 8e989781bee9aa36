import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { Node } from './scope';

/** True when `predicate` holds for `root` or any node below it. Iterative: inputs nest deeply. */
export function someDescendant(root: Node, predicate: (node: Node) => boolean): boolean {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (predicate(node)) return true;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof (item as Node).type === 'string') stack.push(item as Node);
      } else if (child && typeof (child as Node).type === 'string') {
        stack.push(child as Node);
      }
    }
  }
  return false;
}

/** True when `node` lies inside `ancestor` (or is it). */
export function isWithin(node: Node, ancestor: Node): boolean {
  return node.range[0] >= ancestor.range[0] && node.range[1] <= ancestor.range[1];
}
