#!/usr/bin/env node
// `kubectl rampart …`: kubectl runs the `kubectl-rampart` executable on PATH with the arguments after `rampart`.
import "./bin.js";
