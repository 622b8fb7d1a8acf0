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
  /** Milliseconds since the epoch of `requestReceivedTimestamp` (else `stageTimestamp`). */
  readonly time: number;
  readonly outcome: Outcome;
}

/** allowed: authorized and kept; forbidden: the authorizer said no; failed: another error; unknown: no outcome yet. */
export type Outcome = "allowed" | "forbidden" | "failed" | "unknown";

/** A parsed line: a record, or a warning message (the line is skipped). */
export type ParsedLine = { record: AuditRecord } | { warning: string };

const STAGE_RANK: Record<string, number> = { RequestReceived: 0, ResponseStarted: 1, ResponseComplete: 2, Panic: 2 };
const DECISION = "authorization.k8s.io/decision";

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
  let event: unknown;
  try {
    event = JSON.parse(line);
  } catch {
    return { warning: "not a complete JSON object (a truncated line?): skipped" };
  }
  if (!event || typeof event !== "object" || Array.isArray(event)) return { warning: "not a JSON object: skipped" };
  const e = event as Record<string, unknown>;
  if (e["kind"] !== "Event" || typeof e["apiVersion"] !== "string" || !e["apiVersion"].startsWith("audit.k8s.io/")) {
    return { warning: `not a Kubernetes audit event (kind \`${text(e["kind"])}\`, apiVersion \`${text(e["apiVersion"])}\`): skipped` };
  }
  if (e["apiVersion"] !== "audit.k8s.io/v1") return { warning: `unknown apiVersion \`${e["apiVersion"]}\`: only \`audit.k8s.io/v1\` events are read; skipped` };
  const verb = text(e["verb"]);
  const userInfo = e["user"] as Record<string, unknown> | undefined;
  const user = text(userInfo?.["username"]);
  if (verb === "" || user === "") return { warning: "audit event without `verb` or `user.username`: skipped" };
  const groupsRaw = userInfo?.["groups"];
  const groups = Array.isArray(groupsRaw) ? groupsRaw.filter((g): g is string => typeof g === "string") : [];
  const ref = e["objectRef"] as Record<string, unknown> | undefined;
  const uri = text(e["requestURI"]);
  const q = uri.indexOf("?");
  const time = Date.parse(text(e["requestReceivedTimestamp"]) || text(e["stageTimestamp"]));
  if (Number.isNaN(time)) return { warning: "audit event without a valid `requestReceivedTimestamp`: skipped" };
  const base = { auditId: text(e["auditID"]), stageRank: STAGE_RANK[text(e["stage"])] ?? 2, user, groups, verb, time, outcome: outcomeOf(e) };
  if (ref && typeof ref === "object") {
    const resource = text(ref["resource"]);
    if (resource === "") return { warning: "audit event with an `objectRef` but no `resource`: skipped" };
    return {
      record: { ...base, apiGroup: text(ref["apiGroup"]), resource, subresource: text(ref["subresource"]), namespace: text(ref["namespace"]), name: text(ref["name"]), nonResourceURL: "" },
    };
  }
  const path = q >= 0 ? uri.slice(0, q) : uri;
  if (!path.startsWith("/")) return { warning: "audit event with neither `objectRef` nor a `requestURI` path: skipped" };
  return { record: { ...base, apiGroup: "", resource: "", subresource: "", namespace: "", name: "", nonResourceURL: path } };
}
