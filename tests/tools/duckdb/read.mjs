// Reads a Parquet file with DuckDB and prints it as JSON: {"columns":[{"name","type"}],"rows":[[...]],"metadata":{key:value}}.
// Timestamps are printed as ISO 8601 in UTC. Usage: node read.mjs file.parquet
import { DuckDBInstance } from '@duckdb/node-api';
const file = process.argv[2].replaceAll("'", "''");
const connection = await (await DuckDBInstance.create(':memory:')).connect();
await connection.run("SET TimeZone = 'UTC'");
const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRowObjectsJson();
const columns = described.map(c => ({ name: c.column_name, type: c.column_type }));
const select = columns.map(c => {
  const name = '"' + c.name.replaceAll('"', '""') + '"';
  return c.type.startsWith('TIMESTAMP') ? `strftime(${name}, '%Y-%m-%dT%H:%M:%SZ') AS ${name}` : name;
}).join(', ');
const rows = (await connection.runAndReadAll(`SELECT ${select} FROM read_parquet('${file}')`)).getRowsJson();
const kv = (await connection.runAndReadAll(`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${file}')`)).getRowObjectsJson();
const metadata = Object.fromEntries(kv.map(r => [r.k, r.v]));
process.stdout.write(JSON.stringify({ columns, rows, metadata }));
