import { readAuditLine, type AuditRecord, type Outcome } from "./audit-event.js";
import { decodeLines, eachLineOf } from "./line-reader.js";

/**
 * What a parsing worker sends back for one chunk of whole lines. No record object crosses
 * threads (structured clone of objects costs what parsing does): each event is FIELDS string ids
 * and a time, the strings travel once per worker (ids continue across its chunks).
 */
export interface ParsedChunk {
  /** The chunk's place in the file (results are used in this order). */
  seq: number;
  /** The worker that parsed it (whose string table its ids refer to). */
  worker: number;
  /** Lines of the chunk, blank ones included (line numbers continue across chunks). */
  lineCount: number;
  /** Non-blank lines. */
  lines: number;
  /** Strings first seen in this chunk, appended to the worker's string table. */
  strings: string[];
  /** Group lists first seen in this chunk (string ids), appended to the worker's table of lists. */
  groupLists: number[][];
  /** FIELDS values per event, in the order of `Field`. */
  fields: Int32Array;
  /** `time` of each event. */
  times: Float64Array;
  /** `auditId` of each event (unique per request: not worth a table). */
  auditIds: string[];
  /** Skipped lines: their line number within the chunk (1-based) and the warning. */
  warnings: { line: number; message: string }[];
  /** Events merged into another stage of the same request within the chunk (not among the events sent). */
  mergedStages: number;
}

/** What a worker is given: the file, the chunking, and the counters it shares with the others. */
export interface WorkerJob {
  /** This worker's index (its results are decoded against its string table). */
  index: number;
  fd: number;
  size: number;
  chunkBytes: number;
  /** Chunks that may be parsed ahead of the main thread's use. */
  window: number;
  /** Int32Array over a SharedArrayBuffer: [NEXT] the next chunk to claim, [USED] chunks used by the main thread. */
  control: SharedArrayBuffer;
}

/** Indexes into `WorkerJob.control`. */
export const NEXT = 0;
export const USED = 1;

const enum Field {
  User,
  Groups,
  Verb,
  ApiGroup,
  Resource,
  Subresource,
  Namespace,
  Name,
  NonResourceURL,
  StageRank,
  Outcome,
}
const FIELDS = 11;
const OUTCOMES: readonly Outcome[] = ["allowed", "forbidden", "failed", "unknown"];
const OUTCOME_ID = new Map(OUTCOMES.map((o, i) => [o, i]));

/**
 * The stages of each request within one chunk folded into the one the main thread would keep
 * (the first of the highest rank), placed where the main thread would use it: at its first final
 * stage, else at its first stage. The main thread's de-duplication then gives the same records,
 * order and counts as if it had seen every stage (`readAuditLog`).
 */
class StagesOfChunk {
  readonly records: (AuditRecord | null)[] = [];
  merged = 0;
  private readonly slots = new Map<string, number>();

  add(r: AuditRecord): void {
    if (r.auditId === "") return void this.records.push(r);
    const slot = this.slots.get(r.auditId);
    if (slot === undefined) {
      this.slots.set(r.auditId, this.records.length);
      this.records.push(r);
      return;
    }
    this.merged++;
    const kept = this.records[slot]!;
    if (r.stageRank <= kept.stageRank) return;
    if (r.stageRank < 2) this.records[slot] = r;
    else {
      // A request is tallied when its first final stage is read: move it there.
      this.records[slot] = null;
      this.slots.set(r.auditId, this.records.length);
      this.records.push(r);
    }
  }
}

/** The worker's side: parses chunks and encodes their events against its string table. */
export class ChunkEncoder {
  private readonly ids = new Map<string, number>();
  private readonly groupIds = new Map<string, number>();
  private newStrings: string[] = [];
  private newGroupLists: number[][] = [];
  private fields = new Int32Array(FIELDS * 1024);
  private times = new Float64Array(1024);
  private count = 0;

  /** Parses the lines of `bytes` (whole lines; only a file's last chunk may lack the final newline). */
  encode(seq: number, bytes: Buffer): ParsedChunk {
    this.count = 0;
    const stages = new StagesOfChunk();
    const warnings: { line: number; message: string }[] = [];
    let lineCount = 0;
    let lines = 0;
    eachLineOf(decodeLines(bytes), true, (line) => {
      lineCount++;
      if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === "")) return;
      lines++;
      const r = readAuditLine(line);
      if (typeof r === "string") warnings.push({ line: lineCount, message: r });
      else stages.add(r);
    });
    const auditIds: string[] = [];
    for (const r of stages.records)
      if (r !== null) {
        auditIds.push(r.auditId);
        this.add(r);
      }
    const chunk: ParsedChunk = {
      seq,
      worker: 0,
      lineCount,
      lines,
      strings: this.newStrings,
      groupLists: this.newGroupLists,
      fields: this.fields.slice(0, this.count * FIELDS),
      times: this.times.slice(0, this.count),
      auditIds,
      warnings,
      mergedStages: stages.merged,
    };
    this.newStrings = [];
    this.newGroupLists = [];
    return chunk;
  }

  private add(r: AuditRecord): void {
    if (this.count === this.times.length) {
      const fields = new Int32Array(this.fields.length * 2);
      fields.set(this.fields);
      this.fields = fields;
      const times = new Float64Array(this.times.length * 2);
      times.set(this.times);
      this.times = times;
    }
    const f = this.fields;
    const at = this.count * FIELDS;
    f[at + Field.User] = this.id(r.user);
    f[at + Field.Groups] = this.groupsId(r.groups);
    f[at + Field.Verb] = this.id(r.verb);
    f[at + Field.ApiGroup] = this.id(r.apiGroup);
    f[at + Field.Resource] = this.id(r.resource);
    f[at + Field.Subresource] = this.id(r.subresource);
    f[at + Field.Namespace] = this.id(r.namespace);
    f[at + Field.Name] = this.id(r.name);
    f[at + Field.NonResourceURL] = this.id(r.nonResourceURL);
    f[at + Field.StageRank] = r.stageRank;
    f[at + Field.Outcome] = OUTCOME_ID.get(r.outcome)!;
    this.times[this.count++] = r.time;
  }

  private id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      this.ids.set(s, (id = this.ids.size));
      this.newStrings.push(s);
    }
    return id;
  }

  private groupsId(groups: readonly string[]): number {
    // Keyed by the ids of its strings: unambiguous whatever the group names hold.
    let key = "";
    for (const g of groups) key += `${this.id(g)},`;
    let id = this.groupIds.get(key);
    if (id === undefined) {
      this.groupIds.set(key, (id = this.groupIds.size));
      this.newGroupLists.push(groups.map((g) => this.ids.get(g)!));
    }
    return id;
  }
}

/** The main thread's side, one per worker: turns its chunks back into records, in the worker's order. */
export class ChunkDecoder {
  private readonly strings: string[] = [];
  private readonly groupLists: (readonly string[])[] = [];

  /** Calls `onRecord` for each event of `chunk` (a fresh object each: the tally may keep and mutate it). */
  decode(chunk: ParsedChunk, onRecord: (r: AuditRecord) => void): void {
    const s = this.strings;
    for (const text of chunk.strings) s.push(text);
    for (const ids of chunk.groupLists) this.groupLists.push(ids.map((id) => s[id]!));
    const f = chunk.fields;
    for (let i = 0, at = 0; i < chunk.times.length; i++, at += FIELDS) {
      const time = chunk.times[i]!;
      // One literal of one shape, the same as `readAuditLine`'s.
      onRecord({
        auditId: chunk.auditIds[i]!,
        stageRank: f[at + Field.StageRank]!,
        user: s[f[at + Field.User]!]!,
        groups: this.groupLists[f[at + Field.Groups]!]!,
        verb: s[f[at + Field.Verb]!]!,
        apiGroup: s[f[at + Field.ApiGroup]!]!,
        resource: s[f[at + Field.Resource]!]!,
        subresource: s[f[at + Field.Subresource]!]!,
        namespace: s[f[at + Field.Namespace]!]!,
        name: s[f[at + Field.Name]!]!,
        nonResourceURL: s[f[at + Field.NonResourceURL]!]!,
        time,
        lastTime: time,
        count: 1,
        outcome: OUTCOMES[f[at + Field.Outcome]!]!,
      });
    }
  }
}
