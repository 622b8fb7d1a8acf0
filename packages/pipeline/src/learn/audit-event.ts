/** What an audit event tells about one request, once its stages are de-duplicated. */
export interface AuditRecord {
  /** `auditID`, or "" when the event has none (then it is never merged with another). */
  readonly auditId: string;
  /** Rank of the stage (RequestReceived 0, ResponseStarted 1, ResponseComplete/Panic 2). */
  readonly stageRank: number;
  readonly user: string;
  readonly groups: readonly string[];
  readonly verb: string;
  readonly apiGroup: string;
  readonly resource: string;
  readonly subresource: string;
  readonly namespace: string;
  readonly name: string;
  /** The path of a non-resource request (query string removed); "" for resource requests. */
  readonly nonResourceURL: string;
  /** Milliseconds since the epoch of `requestReceivedTimestamp` (else `stageTimestamp`); the first one when tallied. */
  readonly time: number;
  /** The last `time` of identical requests tallied into this record (= `time` for one event). */
  readonly lastTime: number;
  /** Identical requests (same subject, request and outcome) this record stands for. */
  readonly count: number;
  readonly outcome: Outcome;
}

/** allowed: authorized and kept; forbidden: the authorizer said no; failed: another error; unknown: no outcome yet. */
export type Outcome = "allowed" | "forbidden" | "failed" | "unknown";

/** A parsed line: a record, or a warning message (the line is skipped). */
export type ParsedLine = { record: AuditRecord } | { warning: string };

const STAGE_RANK = new Map<string, number>([
  ["RequestReceived", 0],
  ["ResponseStarted", 1],
  ["ResponseComplete", 2],
  ["Panic", 2],
]);
const DECISION = "authorization.k8s.io/decision";

/** The rank of a stage name; an unknown stage ranks as a final one. */
function stageRank(stage: string): number {
  return STAGE_RANK.get(stage) ?? 2;
}

function text(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/** The outcome of a request: the authorizer's annotation wins, else the response code (SPEC: < 400 is allowed). */
function outcomeOf(event: Record<string, unknown>): Outcome {
  const annotations = event["annotations"];
  const decision = annotations && typeof annotations === "object" ? (annotations as Record<string, unknown>)[DECISION] : undefined;
  if (decision === "allow") return "allowed";
  if (decision === "forbid") return "forbidden";
  const status = event["responseStatus"];
  const code = status && typeof status === "object" ? (status as Record<string, unknown>)["code"] : undefined;
  if (typeof code !== "number") return "unknown";
  if (code < 400) return "allowed";
  return code === 403 ? "forbidden" : "failed";
}

/** Parses one line of an audit log (`audit.k8s.io/v1` Event); anything else is a warning. */
export function parseAuditLine(line: string): ParsedLine {
  const r = readAuditLine(line);
  return typeof r === "string" ? { warning: r } : { record: r };
}

/** `parseAuditLine` without the wrapper object (it runs once per line): the record, or the warning. */
export function readAuditLine(line: string): AuditRecord | string {
  let event: unknown;
  try {
    event = JSON.parse(line);
  } catch {
    return "not a complete JSON object (a truncated line?): skipped";
  }
  if (!event || typeof event !== "object" || Array.isArray(event)) return "not a JSON object: skipped";
  const e = event as Record<string, unknown>;
  if (e["kind"] !== "Event" || typeof e["apiVersion"] !== "string" || !e["apiVersion"].startsWith("audit.k8s.io/")) {
    return `not a Kubernetes audit event (kind \`${text(e["kind"])}\`, apiVersion \`${text(e["apiVersion"])}\`): skipped`;
  }
  if (e["apiVersion"] !== "audit.k8s.io/v1") return `unknown apiVersion \`${e["apiVersion"]}\`: only \`audit.k8s.io/v1\` events are read; skipped`;
  const verb = text(e["verb"]);
  const userInfo = e["user"] as Record<string, unknown> | undefined;
  const user = text(userInfo?.["username"]);
  if (verb === "" || user === "") return "audit event without `verb` or `user.username`: skipped";
  const groupsRaw = userInfo?.["groups"];
  let groups: string[] = [];
  if (Array.isArray(groupsRaw)) {
    groups = groupsRaw;
    for (const g of groupsRaw) if (typeof g !== "string") groups = groupsRaw.filter((x): x is string => typeof x === "string");
  }
  const time = Date.parse(text(e["requestReceivedTimestamp"]) || text(e["stageTimestamp"]));
  if (Number.isNaN(time)) return "audit event without a valid `requestReceivedTimestamp`: skipped";
  const ref = e["objectRef"] as Record<string, unknown> | undefined;
  let apiGroup = "";
  let resource = "";
  let subresource = "";
  let namespace = "";
  let name = "";
  let nonResourceURL = "";
  if (ref && typeof ref === "object") {
    resource = text(ref["resource"]);
    if (resource === "") return "audit event with an `objectRef` but no `resource`: skipped";
    apiGroup = text(ref["apiGroup"]);
    subresource = text(ref["subresource"]);
    namespace = text(ref["namespace"]);
    name = text(ref["name"]);
  } else {
    const uri = text(e["requestURI"]);
    const q = uri.indexOf("?");
    nonResourceURL = q >= 0 ? uri.slice(0, q) : uri;
    if (!nonResourceURL.startsWith("/")) return "audit event with neither `objectRef` nor a `requestURI` path: skipped";
  }
  // One literal of one shape (no spreads): this runs once per line.
  return {
    auditId: text(e["auditID"]),
    stageRank: stageRank(text(e["stage"])),
    user,
    groups,
    verb,
    apiGroup,
    resource,
    subresource,
    namespace,
    name,
    nonResourceURL,
    time,
    lastTime: time,
    count: 1,
    outcome: outcomeOf(e),
  };
}
