// Numbered migrations: entry i upgrades the database from version i to i + 1. Append only.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { WalletSchema } from '../schema';
import { migration001 } from './001-initial';
import { migration002 } from './002-sites';
import { migration003 } from './003-chains';
import { migration004 } from './004-holdings';
import { migration005 } from './005-transactions';
import { migration006 } from './006-call-batches';
import { migration007 } from './007-registers';
import { migration008 } from './008-governance';

export type Migration = (
  db: IDBPDatabase<WalletSchema>,
  transaction: IDBPTransaction<WalletSchema, StoreNames<WalletSchema>[], 'versionchange'>,
) => void;

export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008];

export const DATABASE_VERSION = migrations.length;
