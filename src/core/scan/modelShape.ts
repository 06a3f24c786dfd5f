/**
 * Checks that a value read from a persistent model cache has the shape of a DocModel, down to
 * every field the index, the features and the reports read. A cache file is outside the
 * program's control (truncated, edited, restored from elsewhere): an entry that fails is
 * dropped and its document parsed again, never handed on to crash a run.
 */

type Check = (value: unknown) => boolean;

const isString: Check = (v) => typeof v === 'string';
const isBoolean: Check = (v) => typeof v === 'boolean';
/** Lines, characters, indices and counts: finite integers (-1 is "none" for indices). */
const isInt: Check = (v) => Number.isSafeInteger(v) && (v as number) >= -1;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf(item: Check): Check {
  return (v) => Array.isArray(v) && v.every(item);
}

function oneOf(...values: readonly string[]): Check {
  return (v) => typeof v === 'string' && values.includes(v);
}

/** An object with these fields (extra fields are allowed; `optional` ones may be absent). */
function shape(required: Readonly<Record<string, Check>>, optional: Readonly<Record<string, Check>> = {}): Check {
  return (v) => {
    if (!isRecord(v)) return false;
    for (const [key, check] of Object.entries(required)) if (!Object.hasOwn(v, key) || !check(v[key])) return false;
    for (const [key, check] of Object.entries(optional)) if (v[key] !== undefined && !check(v[key])) return false;
    return true;
  };
}

const position = shape({ line: isInt, character: isInt });
const range = shape({ start: position, end: position });

const finding = shape({ code: isString, severity: oneOf('error', 'warning', 'info'), message: isString, uri: isString, range }, { subject: isString });
const owners = shape({ roles: arrayOf(shape({ role: isString, people: arrayOf(isString) })), range });
const requirement = shape(
  {
    id: isString,
    idRange: range,
    range,
    form: isString,
    title: isString,
    text: isString,
    anchors: arrayOf(isString),
    sectionIndex: isInt,
    fingerprint: isString,
  },
  { type: isString, needs: arrayOf(isString), tags: arrayOf(isString), depends: arrayOf(isString), status: isString },
);
const cover = shape({ id: isString, range, sectionIndex: isInt }, { type: isString, by: isString });
const section = shape(
  { heading: isString, level: isInt, slug: isString, range, endLine: isInt, owners: arrayOf(isString), parent: isInt, fingerprint: isString },
  { ownerRange: range },
);
const mention = shape({ id: isString, range, sectionIndex: isInt });
const anchorLink = shape({ target: isString, fragment: isString, range, sectionIndex: isInt });
const prfaqLink = shape({ path: isString, target: isString, range });
const waiver = shape({ id: isString, reason: isString, range });
const thread = shape({
  id: isString,
  status: oneOf('open', 'resolved'),
  comments: arrayOf(shape({ author: isString, time: isString, body: isString })),
  range,
  anchor: range,
  indent: isString,
});
const reviewStamp = shape({ id: isString, fingerprint: isString, reviewer: isString, at: isString, range, sectionIndex: isInt });
const approval = shape({
  role: isString,
  fingerprint: isString,
  person: isString,
  at: isString,
  coverage: arrayOf(shape({ id: isString, path: isString, fingerprint: isString, target: isString }, { anchor: isString })),
  range,
});
const foundPart = shape({ range, endLine: isInt, labelled: isBoolean, sentences: isInt, dateline: isBoolean });
const pressRelease = shape({
  range,
  endLine: isInt,
  headEndLine: isInt,
  explicit: isBoolean,
  level: isInt,
  words: isInt,
  parts: (v) => isRecord(v) && Object.values(v).every((part) => part === undefined || foundPart(part)),
  partHeadingLevel: isInt,
  prose: arrayOf(shape({ text: isString, start: position })),
  proseTruncated: isBoolean,
});
const faqPart = shape({ kind: isString, name: isString, range, endLine: isInt, level: isInt, questions: isInt, questionLevel: isInt });
const structure = shape(
  { faqs: arrayOf(faqPart), faqWords: isInt, lastLine: isInt },
  { pressRelease, faqStart: shape({ line: isInt, level: isInt }) },
);

const docModel = shape(
  {
    uri: isString,
    kind: isString,
    title: isString,
    owners,
    prfaqLinks: arrayOf(prfaqLink),
    waivers: arrayOf(waiver),
    requirements: arrayOf(requirement),
    sections: arrayOf(section),
    covers: arrayOf(cover),
    mentions: arrayOf(mention),
    anchorLinks: arrayOf(anchorLink),
    threads: arrayOf(thread),
    findings: arrayOf(finding),
    fingerprint: isString,
    reviewStamps: arrayOf(reviewStamp),
    approvals: arrayOf(approval),
    lineCount: isInt,
  },
  { structure },
);

/** Whether `value` has the shape of a DocModel (see the file comment). */
export function isDocModelShape(value: unknown): boolean {
  return docModel(value);
}
