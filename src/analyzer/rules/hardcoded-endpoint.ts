import type { FileContext } from '../file-context';
import type { NetworkCall } from '../model';
import { isWithin } from '../semantics/descendants';
import type { Node } from '../semantics/scope';
import { callTargets, optionValueNode, urlHost } from './insecure-transport';
import type { RuleContext, RuleModule } from './rule';

/** Options of node:http and friends that name the host alone. */
const HOST_OPTIONS = ['host', 'hostname'];

/**
 * Fallacy 5, topology doesn't change: an IP address written into the code is the address of one
 * machine on the day it was written. Failover, scaling and a new region move the service; the
 * literal keeps calling the old machine.
 */
export const hardcodedEndpoint: RuleModule = {
  meta: {
    id: 'hardcoded-endpoint',
    fallacy: 5,
    defaultSeverity: 'info',
    description: 'Literal IP addresses as the target of a network call.',
    rationale:
      'Machines fail over, scale out and move; a literal address keeps calling the old one long after DNS or service discovery has moved on.',
    lesson: 'fallacy-5-topology-doesnt-change',
    messages: {
      literalIp:
        '{{api}} targets the literal address {{address}}: when this service fails over, scales out or moves (new instance, new region, new network), the code keeps calling the old machine. Use a DNS name, or read the endpoint from configuration or service discovery.',
    },
  },

  create(context: RuleContext) {
    const reported = new Set<Node>();
    return {
      NetworkCall(call) {
        const urls = callTargets(context.file, call).map((target) => ({ node: target.node, host: urlHost(target.text, target.complete) }));
        for (const target of [...urls, ...hostTargets(context.file, call)]) {
          if (reported.has(target.node)) continue;
          const address = target.host === undefined ? undefined : movableIp(target.host);
          if (!address) continue;
          reported.add(target.node);
          const related = isWithin(target.node, call.node) ? [] : [{ ...context.file.loc(call.reportNode), message: `Called by ${call.api} here.` }];
          context.report({ node: target.node, messageId: 'literalIp', data: { api: call.api, address }, related });
        }
      },
    };
  },
};

/** `http.request({ host: '10.0.0.5' })`: the host option as a target with nothing but the host. */
function hostTargets(file: FileContext, call: NetworkCall): { node: Node; host: string }[] {
  const targets: { node: Node; host: string }[] = [];
  for (const key of HOST_OPTIONS) {
    const node = optionValueNode(file, call, key);
    const value = node && file.resolver.resolve(node);
    if (value?.kind === 'literal' && typeof value.value === 'string') targets.push({ node: value.node, host: value.value.toLowerCase() });
  }
  return targets;
}

/**
 * The address when `host` is an IP literal that names a movable machine. Not: loopback, the
 * unspecified address (`0.0.0.0` means this machine), and the link-local cloud metadata address
 * 169.254.169.254 (`[fd00:ec2::254]`), which the platform fixes by design.
 */
function movableIp(host: string): string | undefined {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (isIPv4(bare)) {
    return bare.startsWith('127.') || bare === '0.0.0.0' || bare === '169.254.169.254' ? undefined : bare;
  }
  if (isIPv6(bare)) {
    const loopbackOrUnspecified = bare === '::1' || bare === '::' || /^(0{1,4}:){7}0{0,3}[01]$/.test(bare);
    return loopbackOrUnspecified || bare.toLowerCase() === 'fd00:ec2::254' ? undefined : bare;
  }
  return undefined;
}

function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}

/** Hex groups and colons with one `::` at most, optionally ending in dotted IPv4 or a zone id. */
function isIPv6(text: string): boolean {
  const address = text.split('%')[0];
  if (!address.includes(':') || !/^[0-9a-f:.]+$/i.test(address) || address.split('::').length > 2) return false;
  const groups = address.split(':').filter((group) => group !== '');
  const last = groups[groups.length - 1] ?? '';
  const hexGroups = last.includes('.') ? groups.slice(0, -1) : groups;
  if (last.includes('.') && !isIPv4(last)) return false;
  return hexGroups.every((group) => /^[0-9a-f]{1,4}$/i.test(group)) && hexGroups.length <= (last.includes('.') ? 6 : 8);
}
