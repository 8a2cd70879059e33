#!/usr/bin/env bash
# Do migrations/sqlite and migrations/postgres build the same schema? Builds a fresh SQLite
# file from the first with sqlite3, and a scratch database in the PostgreSQL cluster the PG*
# variables point at (PGHOST, PGPORT, PGUSER, …; created, then dropped) from the second,
# each file in its own transaction as sqlx runs them. Then compares, for every table and
# view: its columns in order (for tables also type, NOT NULL and default), its indexes
# (name, unique, partial, columns), primary and unique keys, foreign keys, and which
# triggers it has. Prints every difference and exits 1 if there is any.
#
# Triggers are compared by name, less two families that exist on one side only by design:
# SQLite's *_no_replace triggers stop REPLACE deleting a row without DELETE triggers, and
# PostgreSQL has no REPLACE; PostgreSQL's *_no_truncate triggers stop TRUNCATE, which SQLite
# does not have. The PostgreSQL side is also checked on its own: every view column is
# BIGINT, TEXT or BYTEA (the store decodes integers as i64, and an INT4, NUMERIC or boolean
# from a sum or a comparison would not decode), and every table a row DELETE trigger guards
# has a TRUNCATE trigger too.
#
# Usage: migrations/compare-schemas.sh   (e.g. inside pg_virtualenv, which sets PG*)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
scratch="partnerdesk_compare_$$"
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"

cleanup() {
    dropdb --if-exists "$scratch" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

failed=0

# The same versions under the same names, or the two stores would migrate apart.
if ! diff <(cd "$here/sqlite" && ls -1 -- *.sql) <(cd "$here/postgres" && ls -1 -- *.sql) \
    >"$work/files.diff"; then
    echo "Migration files differ (< sqlite, > postgres):"
    grep '^[<>]' "$work/files.diff"
    failed=1
fi

for f in "$here"/sqlite/*.sql; do
    sqlite3 -bail "$work/sqlite.db" <"$f" || { echo "sqlite: $f failed" >&2; exit 2; }
done

createdb "$scratch"
for f in "$here"/postgres/*.sql; do
    psql -X -q -v ON_ERROR_STOP=1 --single-transaction -d "$scratch" -f "$f" >/dev/null \
        || { echo "postgres: $f failed" >&2; exit 2; }
done

# One line per fact, in the same words on both sides, so a sorted diff shows what differs.
sqlite3 -bail "$work/sqlite.db" >"$work/sqlite.txt" <<'SQL'
WITH objects AS (
    SELECT type, name FROM sqlite_master
    WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
      AND name <> '_sqlx_migrations'
)
SELECT o.type || ' ' || o.name || ' column ' || printf('%03d', c.cid) || ' ' || c.name
       || CASE WHEN o.type = 'view' THEN ''
          ELSE ' ' || CASE upper(c.type) WHEN 'INTEGER' THEN 'bigint' WHEN 'TEXT' THEN 'text'
                                         WHEN 'BLOB' THEN 'bytea' ELSE 'sqlite ' || c.type END
               || CASE WHEN c."notnull" THEN ' not null' ELSE '' END
               || coalesce(' default ' || c.dflt_value, '')
          END
FROM objects o, pragma_table_info(o.name) c
UNION ALL
SELECT 'table ' || o.name || ' index ' || i.name
       || CASE WHEN i."unique" THEN ' unique' ELSE '' END
       || CASE WHEN i.partial THEN ' partial' ELSE '' END
       || ' (' || (SELECT group_concat(name, ',')
                   FROM (SELECT k.name FROM pragma_index_info(i.name) k ORDER BY k.seqno)) || ')'
FROM objects o, pragma_index_list(o.name) i
WHERE o.type = 'table' AND i.origin = 'c'
UNION ALL
SELECT 'table ' || o.name || ' key primary ('
       || (SELECT group_concat(name, ',')
           FROM (SELECT c.name FROM pragma_table_info(o.name) c WHERE c.pk > 0 ORDER BY c.pk))
       || ')'
FROM objects o
WHERE o.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(o.name) c WHERE c.pk > 0)
UNION ALL
SELECT 'table ' || o.name || ' key unique ('
       || (SELECT group_concat(name, ',')
           FROM (SELECT k.name FROM pragma_index_info(i.name) k ORDER BY k.seqno)) || ')'
FROM objects o, pragma_index_list(o.name) i
WHERE o.type = 'table' AND i.origin = 'u'
UNION ALL
SELECT 'table ' || o.name || ' foreign key ('
       || (SELECT group_concat("from", ',')
           FROM (SELECT g."from" FROM pragma_foreign_key_list(o.name) g
                 WHERE g.id = f.id ORDER BY g.seq))
       || ') references ' || f."table" || ' ('
       || (SELECT group_concat("to", ',')
           FROM (SELECT g."to" FROM pragma_foreign_key_list(o.name) g
                 WHERE g.id = f.id ORDER BY g.seq))
       || ') on delete ' || f.on_delete || ' on update ' || f.on_update
FROM objects o, pragma_foreign_key_list(o.name) f
WHERE o.type = 'table' AND f.seq = 0
UNION ALL
SELECT o.type || ' ' || o.name || ' trigger ' || t.name
FROM objects o JOIN sqlite_master t ON t.type = 'trigger' AND t.tbl_name = o.name
WHERE t.name NOT LIKE '%\_no\_replace' ESCAPE '\'
  AND t.name NOT LIKE '%\_no\_replace\_by\_update' ESCAPE '\';
SQL

# The same lines from PostgreSQL's catalogue; `cols` names a key's columns in key order.
psql -X -q -At -v ON_ERROR_STOP=1 -d "$scratch" >"$work/postgres.txt" <<'SQL'
CREATE TEMP VIEW objects AS
SELECT c.oid, c.relname AS name, CASE c.relkind WHEN 'r' THEN 'table' ELSE 'view' END AS type
FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v')
  AND c.relname <> '_sqlx_migrations';

CREATE FUNCTION pg_temp.cols(rel oid, nums int2[]) RETURNS text LANGUAGE sql AS $$
    SELECT string_agg(a.attname, ',' ORDER BY k.ord)
    FROM unnest(nums) WITH ORDINALITY AS k (num, ord)
    JOIN pg_attribute a ON a.attrelid = rel AND a.attnum = k.num
$$;

CREATE FUNCTION pg_temp.action(code "char") RETURNS text LANGUAGE sql AS $$
    SELECT CASE code WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE'
                     WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END
$$;

SELECT o.type || ' ' || o.name || ' column '
       || lpad((row_number() OVER (PARTITION BY o.oid ORDER BY a.attnum) - 1)::text, 3, '0')
       || ' ' || a.attname
       || CASE WHEN o.type = 'view' THEN ''
          ELSE ' ' || format_type(a.atttypid, a.atttypmod)
               || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
               -- '' and 0 as SQLite writes them, without PostgreSQL's casts.
               || coalesce(' default ' || regexp_replace(pg_get_expr(d.adbin, d.adrelid),
                                                         '::(text|bigint)', '', 'g'), '')
          END
FROM objects o
JOIN pg_attribute a ON a.attrelid = o.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
UNION ALL
SELECT 'table ' || o.name || ' index ' || ic.relname
       || CASE WHEN i.indisunique THEN ' unique' ELSE '' END
       || CASE WHEN i.indpred IS NOT NULL THEN ' partial' ELSE '' END
       || ' (' || pg_temp.cols(o.oid, i.indkey::int2[]) || ')'
FROM objects o
JOIN pg_index i ON i.indrelid = o.oid
JOIN pg_class ic ON ic.oid = i.indexrelid
-- Indexes of primary and unique keys are compared as keys, below.
WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k
                  WHERE k.conindid = i.indexrelid AND k.conrelid = o.oid
                    AND k.contype IN ('p', 'u'))
UNION ALL
SELECT 'table ' || o.name || ' key ' || CASE k.contype WHEN 'p' THEN 'primary' ELSE 'unique' END
       || ' (' || pg_temp.cols(o.oid, k.conkey) || ')'
FROM objects o JOIN pg_constraint k ON k.conrelid = o.oid AND k.contype IN ('p', 'u')
UNION ALL
SELECT 'table ' || o.name || ' foreign key (' || pg_temp.cols(o.oid, k.conkey)
       || ') references ' || k.confrelid::regclass::text
       || ' (' || pg_temp.cols(k.confrelid, k.confkey) || ')'
       || ' on delete ' || pg_temp.action(k.confdeltype)
       || ' on update ' || pg_temp.action(k.confupdtype)
FROM objects o JOIN pg_constraint k ON k.conrelid = o.oid AND k.contype = 'f'
UNION ALL
SELECT o.type || ' ' || o.name || ' trigger ' || t.tgname
FROM objects o JOIN pg_trigger t ON t.tgrelid = o.oid AND NOT t.tgisinternal
WHERE t.tgname NOT LIKE '%\_no\_truncate';
SQL

# What only PostgreSQL can get wrong.
psql -X -q -At -v ON_ERROR_STOP=1 -d "$scratch" >"$work/problems.txt" <<'SQL'
SELECT 'view ' || c.relname || ' column ' || a.attname || ' is '
       || format_type(a.atttypid, a.atttypmod) || ', not bigint, text or bytea'
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v'
  AND format_type(a.atttypid, a.atttypmod) NOT IN ('bigint', 'text', 'bytea')
UNION ALL
-- tgtype bits: 1 row, 8 delete, 32 truncate.
SELECT 'table ' || c.relname || ' has a DELETE trigger but none for TRUNCATE'
FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace
  AND EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal
                AND t.tgtype & 1 = 1 AND t.tgtype & 8 = 8)
  AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal
                    AND t.tgtype & 32 = 32);
SQL

LC_ALL=C sort "$work/sqlite.txt" >"$work/sqlite.sorted"
LC_ALL=C sort "$work/postgres.txt" >"$work/postgres.sorted"
if ! diff "$work/sqlite.sorted" "$work/postgres.sorted" >"$work/schema.diff"; then
    echo "Schemas differ (< only in SQLite, > only in PostgreSQL):"
    grep '^[<>]' "$work/schema.diff"
    failed=1
fi
if [ -s "$work/problems.txt" ]; then
    echo "PostgreSQL schema problems:"
    sed 's/^/  /' "$work/problems.txt"
    failed=1
fi

if [ "$failed" = 0 ]; then
    count() { grep -c -e "$1" "$work/sqlite.sorted" || true; }
    echo "Schemas match: $(count '^table [a-z_]* column 000 ') tables and" \
        "$(count '^view [a-z_]* column 000 ') views, $(count ' column ') columns," \
        "$(count ' index ') indexes, $(count ' key primary \| key unique ') keys," \
        "$(count ' foreign key ') foreign keys, $(count ' trigger ') triggers" \
        "(SQLite's no-replace and PostgreSQL's no-truncate triggers aside)."
fi
exit "$failed"
