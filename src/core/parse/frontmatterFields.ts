import { isMap, isScalar, isSeq, type Document, type Node as YamlNode, type Pair } from 'yaml';
import { FindingCode, finding } from '../findings';
import type { IdMatcher } from '../ids';
import type { DocKind, Finding, OwnerRole, Owners, PrfaqLink, Range, Waiver } from '../model';
import { missingCoOwnerRoles } from '../owners/roles';
import type { LineIndex } from '../text/lineIndex';
import { resolveDocumentPath } from '../text/uri';
import type { FrontmatterBlock } from './frontmatter';

export interface FrontmatterFields {
  readonly kind: DocKind | undefined;
  readonly title: string | undefined;
  readonly owners: Owners;
  readonly prfaqLinks: readonly PrfaqLink[];
  readonly waivers: readonly Waiver[];
  readonly findings: readonly Finding[];
}

/** Reads the fields prfaq-trace uses from parsed frontmatter, with ranges from the YAML document. */
export function readFields(
  uri: string,
  data: Readonly<Record<string, unknown>>,
  yaml: Document | undefined,
  block: FrontmatterBlock,
  lines: LineIndex,
  ids: IdMatcher,
): FrontmatterFields {
  const findings: Finding[] = [];
  const fenceRange = lines.range(0, Math.max(0, block.bodyStart - 1));
  // The YAML document was parsed from "\n" + body: its offset 1 is the body's first character.
  const toRange = (node: { range?: [number, number, number] | null } | null | undefined): Range => {
    const r = node?.range;
    return r ? lines.range(block.bodyStart + r[0] - 1, block.bodyStart + r[1] - 1) : fenceRange;
  };
  const pairOf = (key: string): Pair<YamlNode, YamlNode> | undefined => {
    const contents = yaml?.contents;
    if (!isMap(contents)) return undefined;
    return contents.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as Pair<YamlNode, YamlNode> | undefined;
  };
  const keyRange = (key: string): Range => toRange(pairOf(key)?.key as YamlNode | undefined);
  const invalid = (key: string, message: string, range: Range = keyRange(key)) =>
    findings.push(finding(FindingCode.invalidFrontmatter, uri, range, message, key));

  // Only the frontmatter's own keys count: YAML keys such as `__proto__` or `constructor` are data.
  const field = (key: string): unknown => (Object.hasOwn(data, key) ? data[key] : undefined);
  const type = field('type');
  const kind = type === 'prfaq' || type === 'design' ? type : undefined;

  let title: string | undefined;
  const titleValue = field('title');
  if (typeof titleValue === 'string' && titleValue.trim() !== '') title = titleValue.trim();
  else if (titleValue !== undefined) invalid('title', '"title" must be non-empty text');

  const roles: OwnerRole[] = [];
  const ownersValue = field('owners');
  const ownersRange = pairOf('owners') ? keyRange('owners') : fenceRange;
  if (ownersValue !== undefined && ownersValue !== null) {
    if (typeof ownersValue !== 'object' || Array.isArray(ownersValue)) {
      invalid('owners', '"owners" must map roles (pm, engineer, …) to a person or a list of people');
    } else {
      for (const [role, value] of Object.entries(ownersValue as Record<string, unknown>)) {
        const people = (Array.isArray(value) ? value : [value]).filter((person) => person !== null && person !== undefined);
        if (people.some((person) => typeof person !== 'string' || person.trim() === '')) {
          invalid('owners', `"owners.${role}" must be a person (non-empty text) or a list of people`);
          continue;
        }
        roles.push({ role, people: (people as string[]).map((person) => person.trim()) });
      }
    }
  }

  const prfaqLinks: PrfaqLink[] = [];
  const prfaqValue = field('prfaq');
  if (prfaqValue !== undefined && prfaqValue !== null) {
    const node = pairOf('prfaq')?.value;
    const entries = Array.isArray(prfaqValue) ? prfaqValue : [prfaqValue];
    entries.forEach((path, i) => {
      const itemNode = isSeq(node) ? (node.items[i] as YamlNode | undefined) : node;
      if (typeof path !== 'string' || path.trim() === '') {
        invalid('prfaq', '"prfaq" must be a path or a list of paths to PR/FAQ files', toRange(itemNode));
        return;
      }
      const clean = path.trim().replace(/#.*$/, '');
      prfaqLinks.push({ path: path.trim(), target: resolveDocumentPath(uri, clean), range: toRange(itemNode) });
    });
  }

  const waivers: Waiver[] = [];
  const waivedValue = field('waived');
  if (waivedValue !== undefined && waivedValue !== null) {
    const node = pairOf('waived')?.value;
    if (typeof waivedValue !== 'object' || Array.isArray(waivedValue) || !isMap(node)) {
      invalid('waived', '"waived" must map requirement IDs to the reason they are not designed');
    } else {
      for (const pair of node.items) {
        const id = isScalar(pair.key) ? String(pair.key.value) : '';
        const reason = isScalar(pair.value) ? pair.value.value : undefined;
        const range = toRange(pair.key as YamlNode);
        if (!ids.isId(id)) {
          invalid('waived', `"waived" key "${id.slice(0, 80)}" is not a requirement ID`, range);
        } else {
          waivers.push({ id, reason: typeof reason === 'string' ? reason : '', range });
        }
      }
    }
  }

  return { kind, title, owners: { roles, range: ownersRange }, prfaqLinks, waivers, findings };
}

export function missingCoOwners(uri: string, owners: Owners): Finding[] {
  const missing = missingCoOwnerRoles(owners);
  if (missing.length === 0) return [];
  const names = missing.map((role) => `owners.${role}`).join(' and ');
  return [
    finding(
      FindingCode.missingCoOwner,
      uri,
      owners.range,
      `missing co-owner: ${names} (every PR/FAQ and design doc names a pm and an engineer)`,
      missing.join(','),
    ),
  ];
}
