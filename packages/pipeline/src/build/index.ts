// @rampart/pipeline/build: compile, emit, write and check a tree, without the rest of the pipeline
// (learn, diff, report, live clusters), so that `rampart build` loads only the code it runs.

/** Compiles every selected cluster with every backend, in memory; the file map of each cluster. */
export { buildFiles, buildPolicies } from "./build-policies.js";
/** The options of a build, its result and one cluster's objects, files and report. */
export type { BuildOptions, BuildResult, ClusterBuild } from "./build-policies.js";
/** The clusters of a build spread over worker threads (`--jobs`), and the default number of jobs. */
export { buildPoliciesInParallel, defaultJobs } from "./parallel-build.js";
/** The options of a parallel build and where its workers re-load the policies from. */
export type { ParallelBuildOptions } from "./parallel-build.js";
export type { PolicySource } from "./cluster-transfer.js";
/** The files of a backend's objects, and one object as YAML. */
export { objectFiles, toYaml } from "./emit.js";
/** A Kubernetes object as the compilers emit it. */
export type { KubeObject } from "./emit.js";
/** Writes a tree atomically, or compares one on disk with a fresh build; the manifest file of a tree. */
export { checkTree, MANIFEST, writeTree } from "./write-tree.js";
/** A cluster's files, the difference of two trees and the input of the writer. */
export type { ClusterFiles, TreeDiff, TreeInput } from "./write-tree.js";
/** One cluster's manifests as one YAML stream (`build --stdout`). */
export { manifestStream } from "./manifest-stream.js";
/** A built tree on disk against a fresh build (`build --check`): drift and proof, as findings and lines. */
export { buildCheckSummary, checkBuild, driftCount, driftFindings, formatBuildCheck } from "./check-build.js";
/** The drift and proof of `build --check`. */
export type { CheckBuildResult } from "./check-build.js";
/** What `rampart build` does with a build (stream, write or check the tree) and `rampart check`'s summary. */
export { buildSummary, runBuild } from "./build-run.js";
/** Where a build goes and what it printed. */
export type { BuildRun, BuildTarget } from "./build-run.js";
/** Where `rampart build` sends a build, from its flags. */
export { buildTarget } from "./build-target.js";
export type { BuildTargetFlags } from "./build-target.js";
