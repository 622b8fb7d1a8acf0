// Owned by the compiler-vap work: the normalised WorkloadPolicy model that compilers consume.
export {};
