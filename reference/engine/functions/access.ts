// currentRoles(), enabledRoles(), defaultRoles(): the roles of the running query.

import { T, arrayOf } from '../types.ts';
import { constant } from '../expr/compiled.ts';
import { argCount, register } from './registry.ts';

register('currentRoles', (args, bc) => (argCount(bc.name, args, 0), constant(arrayOf(T.String), [...(bc.env.currentRoles ?? [])])));
register('enabledRoles', (args, bc) => (argCount(bc.name, args, 0), constant(arrayOf(T.String), [...(bc.env.enabledRoles ?? [])])));
register('defaultRoles', (args, bc) => (argCount(bc.name, args, 0), constant(arrayOf(T.String), [...(bc.env.defaultRoles ?? [])])));
