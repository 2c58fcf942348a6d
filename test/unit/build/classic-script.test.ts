import { describe, expect, it } from 'vitest';
import { classicScriptProblem } from '../../../scripts/classic-script.js';

describe('classicScriptProblem', () => {
  it('accepts one IIFE, with or without a directive', () => {
    expect(classicScriptProblem('a.js', '(function(){chrome.runtime.id})();')).toBeUndefined();
    expect(classicScriptProblem('a.js', '"use strict";(()=>{})();')).toBeUndefined();
  });

  it('refuses static imports and exports', () => {
    expect(classicScriptProblem('a.js', 'import x from "y"; x();')).toMatch(/does not parse as a classic script/);
    expect(classicScriptProblem('a.js', '(()=>{})(); export {};')).toMatch(/does not parse as a classic script/);
  });

  it('refuses a dynamic import even inside the IIFE', () => {
    expect(classicScriptProblem('a.js', '(function(){import("./chunk.js")})();')).toMatch(/uses import\(\)/);
  });

  it('refuses a script that declares a global, as a named IIFE with exports does', () => {
    expect(classicScriptProblem('a.js', 'var wallet=(function(e){return e})({});')).toMatch(/not one self-contained IIFE/);
  });
});
