// @rampart/core/yaml: the `yaml` library as @rampart/core bundles it. The packages built on core
// import `yaml` in their sources and are built against this entry instead (see their tsup configs),
// so that a process loads one copy of it (~20 ms of a cold CLI start per copy). Curated: the
// functions those packages use.

/** The `yaml` library's document model, parser and serialiser (yaml 2, ISC licence). */
export { Document, isMap, isPair, isScalar, isSeq, parse, parseAllDocuments, parseDocument, stringify, visit } from "yaml";
