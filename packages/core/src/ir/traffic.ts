// Owned by the compiler-networkpolicy work: the normalised TrafficPolicy model that compilers consume.
export {};
