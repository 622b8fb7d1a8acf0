/** An access request; missing fields are empty. */
export interface AccessRequest {
  user?: string;
  groups?: readonly string[];
  verb: string;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  nonResourceURL?: string;
  cluster?: string;
}

/** A rule that took part in a decision. */
export interface MatchedRule {
  readonly policy: string;
  /** 0-based index in the policy's `spec.rules`. */
  readonly rule: number;
  readonly effect: "allow" | "deny";
}

/** The outcome of `decide`: shared, frozen objects — do not mutate. */
export interface Decision {
  readonly decision: "allow" | "deny";
  readonly matched: readonly MatchedRule[];
  readonly reason: string;
}
