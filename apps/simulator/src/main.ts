#!/usr/bin/env node
import { runCli } from './cli/program';

process.exitCode = runCli(process.argv.slice(2));
