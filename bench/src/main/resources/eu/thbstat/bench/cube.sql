-- The benchmark's DuckDB job (bench/README.md): count the case records of the input CSV files into
-- the cells of the tables of schemas/tables.yaml, as docs/microdata.md defines them, in SQL.
-- DuckCube.java runs the statements in order (separated by ";" at a line's end). Before them it
-- creates the lookup tables from the mapping YAML, the code lists and the seeds (all keys trimmed
-- and lower-cased, national codes being compared so):
--   geo_key(key, geo)              Eurostat and ISO 3166 codes of countries (seeds/geo.csv) -> geo
--   leg_map / vs_map / sex_map / form_map(key, code)    the mapping's code maps
--   excluded_vs(key)               values of vic_TraffickingStatus the mapping excludes
--   authority(key)                 who may decide that a victim is identified (identified_by)
--   cit_unknown / stateless(key)
--   cit_map(key, iso)              national spellings of citizenships (UK -> GB)
--   iso(iso2, geo)                 seeds/iso3166.csv, with the geo code of the country where there is one
--   eu_member(year, geo)           the Member States of the EU of each reference year (EU28 up to 2019)
--   eu_of(year, eu)                that EU's code
--   age_class(age, class)          whole years 0-120 -> class (the ages with the same codes)
--   age_in(class, cell)            the age codes a class counts in (class -1: age unknown)
--   sex_in / vs_in(code, cell)     a code and its parents up to the total
--   form_in(code, cell)            a form of exploitation, its groups (LAB_SERV...) and TOTAL
-- and substitutes ${input} (the CSV files), ${columns} (their header, every column as text),
-- ${age_unknown} (the values meaning "age not known", as a list: tested per record, a list is
-- faster than a join), ${first_year} and ${last_year} (schemas/dimensions.yaml), ${separator} (the
-- mapping's multi_separator) and ${blanks} (the characters Java's String.trim removes).

-- Values are trimmed as thbstat trims them (Java's String.trim: every character up to U+0020); the
-- plain case, no such character at either end, is tested first because trim with a set of
-- characters is slow.
CREATE MACRO jtrim(s) AS CASE WHEN s = '' OR (s[1] > ' ' AND s[-1] > ' ') THEN s ELSE trim(s, ${blanks}) END;

-- A reference or birth date: yyyy-MM-dd, possibly followed by a time after 'T' or a space, as the
-- number yyyyMMdd; NULL if it is not one (2019-02-30 is no date). The plain case, ten characters of
-- that shape, is tested first: it needs no trimming. (Numbers rather than DATEs: the age in
-- completed years is then (reference - birth) // 10000, and 29 February's birthday is 1 March in
-- other years, as thbstat has it; DuckDB's date_sub('year', ...) counts it on 28 February.)
CREATE MACRO is_ymd(t) AS t GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]';
CREATE MACRO ymd_int(t) AS CASE WHEN try_cast(t AS DATE) IS NOT NULL THEN CAST(replace(t, '-', '') AS INTEGER) END;
CREATE MACRO ymd_trimmed(t) AS CASE
  WHEN (length(t) = 10 OR substr(t, 11, 1) IN ('T', ' ')) AND is_ymd(substr(t, 1, 10))
  THEN ymd_int(substr(t, 1, 10)) END;
CREATE MACRO ymd(t) AS CASE WHEN is_ymd(t) THEN ymd_int(t) ELSE ymd_trimmed(jtrim(t)) END;

-- Stage 1, one pass over the records. What can only be worked out per record is worked out here:
-- the reference year and the age class (from the birth date, else the age in years; class -1 is
-- "not known", NULL an invalid age). Every other field is kept as read and the records are grouped
-- by those texts: the distinct combinations are few (thousands per country and year), so the code
-- maps are joined once per combination rather than once per record. Rows with more or fewer fields
-- than the header are rejected by read_csv into reject_errors, as thbstat rejects them (RECORD_RAGGED).
CREATE TEMP TABLE raw_profiles AS
WITH r AS (
  SELECT
    coalesce(rep_Country, '') AS geo_raw,
    coalesce(prs_LegalStatus, '') AS leg_raw,
    coalesce(vic_TraffickingStatus, '') AS vs_raw,
    coalesce(vic_TraffickingStatusDecisionMakingOrg, '') AS org_raw,
    coalesce(prs_Gender, '') AS sex_raw,
    coalesce(prs_Citizenship, '') AS cit_raw,
    coalesce(vic_TypeOfExploitation, '') AS forms_raw,
    ymd(coalesce(cas_RegistrationDate, '')) AS ref_date,
    coalesce(prs_Birthdate, '') AS b,
    coalesce(prs_Age, '') AS a
  FROM read_csv([${input}], header = true, auto_detect = false, columns = ${columns},
                delim = ',', quote = '"', escape = '"', store_rejects = true)
),
aged AS (
  SELECT *,
    ymd(b) AS born,
    -- the birth date gives the age unless it is empty or a value meaning "not known"
    CASE WHEN is_ymd(b) THEN b NOT IN ${age_unknown}
         ELSE jtrim(b) <> '' AND lower(jtrim(b)) NOT IN ${age_unknown} END AS from_birth
  FROM r
),
years AS (
  SELECT *,
    from_birth OR NOT (jtrim(a) = '' OR lower(jtrim(a)) IN ${age_unknown}) AS age_known,
    CASE
      WHEN ref_date IS NULL THEN NULL
      -- completed years at the reference date; a birth date after it gives -1, an invalid age
      WHEN from_birth THEN CASE WHEN born <= ref_date THEN (ref_date - born) // 10000 ELSE -1 END
      WHEN regexp_full_match(jtrim(a), '[0-9]{1,3}(\.0+)?') THEN CAST(split_part(jtrim(a), '.', 1) AS INTEGER)
    END AS age_years
  FROM aged
)
SELECT geo_raw, leg_raw, vs_raw, org_raw, sex_raw, cit_raw, forms_raw,
       ref_date // 10000 AS year,
       CASE WHEN NOT age_known THEN -1 ELSE ac.class END AS age_class,
       count(*) AS n
FROM years LEFT JOIN age_class ac ON ac.age = years.age_years
GROUP BY ALL;

-- Stage 2: the code maps. Each field's distinct texts are looked up once (trimmed, ignoring case)
-- and joined to the combinations on the text as read.
CREATE TEMP TABLE geo_of AS
SELECT t.raw, g.geo FROM (SELECT DISTINCT geo_raw AS raw FROM raw_profiles) t LEFT JOIN geo_key g ON g.key = lower(jtrim(t.raw));
CREATE TEMP TABLE leg_of AS
SELECT t.raw, l.code FROM (SELECT DISTINCT leg_raw AS raw FROM raw_profiles) t LEFT JOIN leg_map l ON l.key = lower(jtrim(t.raw));
CREATE TEMP TABLE vs_of AS
SELECT t.raw, v.code, ex.key IS NOT NULL AS excluded
FROM (SELECT DISTINCT vs_raw AS raw FROM raw_profiles) t
LEFT JOIN vs_map v ON v.key = lower(jtrim(t.raw))
LEFT JOIN excluded_vs ex ON ex.key = lower(jtrim(t.raw));
CREATE TEMP TABLE org_of AS
SELECT t.raw, a.key IS NOT NULL AS authority FROM (SELECT DISTINCT org_raw AS raw FROM raw_profiles) t LEFT JOIN authority a ON a.key = lower(jtrim(t.raw));
CREATE TEMP TABLE sex_of AS
SELECT t.raw, s.code FROM (SELECT DISTINCT sex_raw AS raw FROM raw_profiles) t LEFT JOIN sex_map s ON s.key = lower(jtrim(t.raw));

CREATE TEMP TABLE profiles AS
SELECT
  rp.*,
  v.excluded,
  g.geo,
  l.code AS leg,
  rp.year BETWEEN ${first_year} AND ${last_year} AS year_ok,
  -- an actual victim counts as identified only if a listed authority decided so, else as presumed
  CASE WHEN v.code = 'IDENT' AND NOT o.authority THEN 'PRESUMED' ELSE v.code END AS vs,
  s.code AS sex
FROM raw_profiles rp
JOIN geo_of g ON g.raw = rp.geo_raw
JOIN leg_of l ON l.raw = rp.leg_raw
JOIN vs_of v ON v.raw = rp.vs_raw
JOIN org_of o ON o.raw = rp.org_raw
JOIN sex_of s ON s.raw = rp.sex_raw;

-- Citizenship: each value of the multi-select field (values split by the separator, empty ones
-- kept) is 0 (NAT: the reporting country), 1 (another Member State of the year's EU), 2 (elsewhere,
-- or stateless), 3 (unknown) or NULL (no ISO 3166 code); a person is in the first group any of
-- their citizenships gives, and is rejected if one is invalid.
CREATE TEMP TABLE cit_groups AS
WITH combos AS (
  SELECT DISTINCT cit_raw, geo, year FROM profiles WHERE geo IS NOT NULL AND year_ok
),
tokens AS (
  SELECT cit_raw, geo, year, lower(jtrim(unnest(string_split(cit_raw, '${separator}')))) AS token FROM combos
),
classified AS (
  SELECT t.cit_raw, t.geo, t.year,
    CASE
      WHEN t.token IN (SELECT key FROM cit_unknown) THEN 3
      WHEN t.token IN (SELECT key FROM stateless) THEN 2
      WHEN i.iso2 IS NULL THEN NULL
      WHEN i.geo = t.geo THEN 0
      WHEN m.geo IS NOT NULL THEN 1
      ELSE 2
    END AS grp
  FROM tokens t
  LEFT JOIN cit_map cm ON cm.key = t.token
  LEFT JOIN iso i ON i.iso2 = coalesce(cm.iso, upper(t.token))
  LEFT JOIN eu_member m ON m.year = t.year AND m.geo = i.geo
)
SELECT cit_raw, geo, year, CASE WHEN bool_or(grp IS NULL) THEN NULL ELSE min(grp) END AS grp
FROM classified GROUP BY ALL;

-- Forms of exploitation: the codes of each distinct value of the multi-select field. Empty values
-- are skipped; no form at all is UNK, and UNK beside known forms is dropped; an unknown value
-- rejects the person.
CREATE TEMP TABLE form_sets AS
WITH tokens AS (
  SELECT forms_raw, jtrim(unnest(string_split(forms_raw, '${separator}'))) AS token
  FROM (SELECT DISTINCT forms_raw FROM profiles)
),
mapped AS (
  SELECT t.forms_raw, t.token, f.code FROM tokens t LEFT JOIN form_map f ON f.key = lower(t.token)
),
sets AS (
  SELECT forms_raw,
         bool_or(token <> '' AND code IS NULL) AS invalid,
         list(DISTINCT code) FILTER (WHERE code IS NOT NULL) AS codes
  FROM mapped GROUP BY forms_raw
)
SELECT forms_raw, invalid,
  CASE WHEN codes IS NULL OR len(codes) = 0 THEN ['UNK']
       WHEN len(codes) > 1 THEN list_filter(codes, lambda c: c <> 'UNK')
       ELSE codes END AS codes
FROM sets;

-- Stage 3: the persons counted. All legal statuses read sex and citizenship (every table breaks
-- them down); only victims read victim status, age and forms (the VICT_ tables break those down),
-- so a suspect's bad birth date is no error and a suspect counts at the codes the tables fix.
CREATE TEMP TABLE counted AS
SELECT p.geo, p.year, p.leg, p.vs, p.sex, p.age_class, c.grp AS cit, p.forms_raw, sum(p.n) AS n
FROM profiles p
LEFT JOIN cit_groups c ON c.cit_raw = p.cit_raw AND c.geo = p.geo AND c.year = p.year
LEFT JOIN form_sets f ON f.forms_raw = p.forms_raw
WHERE NOT p.excluded AND p.geo IS NOT NULL AND p.leg IS NOT NULL AND p.year_ok
  AND p.sex IS NOT NULL AND c.grp IS NOT NULL
  AND (p.leg <> 'PER_VICT' OR (p.vs IS NOT NULL AND p.age_class IS NOT NULL AND NOT f.invalid))
GROUP BY ALL;

-- The cells a victim counts in for exploitation: each form, the groups above them, TOTAL (once each).
CREATE TEMP TABLE forms_in AS
SELECT DISTINCT s.forms_raw, fi.cell
FROM (SELECT forms_raw, unnest(codes) AS code FROM form_sets) s JOIN form_in fi ON fi.code = s.code;

CREATE TEMP TABLE cit_in AS
WITH g AS (SELECT e.year, e.eu, grp FROM eu_of e, (VALUES (0), (1), (2), (3)) t(grp))
SELECT year, grp, CASE grp WHEN 0 THEN 'NAT' WHEN 1 THEN eu || '_FOR' WHEN 2 THEN 'N' || eu || '_FOR' ELSE 'UNK' END AS cell FROM g
UNION ALL
SELECT year, grp, 'TOTAL' FROM g;

-- Stage 4: the cells. Every country, year and legal status with a counted person gets every cell of
-- the tables of its legal status, zero where no one counts in it; the codes crossed are those of
-- schemas/tables.yaml, with the finer age bands and forms the mapping gives.
CREATE TEMP TABLE grp AS SELECT DISTINCT geo, year, leg FROM counted;
CREATE TEMP TABLE sexes AS SELECT * FROM (VALUES ('F'), ('M'), ('UNK'), ('T')) t(code);
CREATE TEMP TABLE ages AS SELECT DISTINCT cell AS code FROM age_in;
CREATE TEMP TABLE forms AS
  SELECT DISTINCT cell AS code FROM form_in
  UNION SELECT * FROM (VALUES ('SEX'), ('LAB_SERV'), ('ORG_OTH'), ('UNK'), ('TOTAL')) t(code);

CREATE TEMP TABLE cells AS
-- VICT_SEX_AGE: registered victims by sex and age
WITH sex_age AS (
  SELECT c.geo, c.year, si.cell AS sex, ai.cell AS age, sum(c.n) AS n
  FROM counted c JOIN sex_in si ON si.code = c.sex JOIN age_in ai ON ai.class = c.age_class
  WHERE c.leg = 'PER_VICT' GROUP BY ALL
),
-- VICT_CITIZEN: registered victims by citizenship
citizen AS (
  SELECT c.geo, c.year, ci.cell AS cit, sum(c.n) AS n
  FROM counted c JOIN cit_in ci ON ci.year = c.year AND ci.grp = c.cit
  WHERE c.leg = 'PER_VICT' GROUP BY ALL
),
-- VICT_EXPLOITATION: registered victims by form of exploitation and sex (a person with several
-- forms counts once in each)
exploitation AS (
  SELECT c.geo, c.year, fi.cell AS expl, si.cell AS sex, sum(c.n) AS n
  FROM counted c JOIN forms_in fi ON fi.forms_raw = c.forms_raw JOIN sex_in si ON si.code = c.sex
  WHERE c.leg = 'PER_VICT' GROUP BY ALL
),
-- VICT_STATUS: registered victims, identified and presumed
status AS (
  SELECT c.geo, c.year, vi.cell AS vs, sum(c.n) AS n
  FROM counted c JOIN vs_in vi ON vi.code = c.vs
  WHERE c.leg = 'PER_VICT' GROUP BY ALL
),
-- SUSP_SEX_CITIZEN, PRSC_SEX_CITIZEN, CNV_SEX_CITIZEN: persons by sex and citizenship
persons AS (
  SELECT c.geo, c.year, c.leg, si.cell AS sex, ci.cell AS cit, sum(c.n) AS n
  FROM counted c JOIN sex_in si ON si.code = c.sex JOIN cit_in ci ON ci.year = c.year AND ci.grp = c.cit
  WHERE c.leg IN ('PER_SUSP', 'PER_PRSC', 'PER_CNV') GROUP BY ALL
)
SELECT g.geo, g.year, g.leg, 'TOTAL' AS vs, s.code AS sex, a.code AS age, 'TOTAL' AS cit, 'TOTAL' AS expl, coalesce(x.n, 0) AS value
FROM grp g CROSS JOIN sexes s CROSS JOIN ages a
LEFT JOIN sex_age x ON x.geo = g.geo AND x.year = g.year AND x.sex = s.code AND x.age = a.code
WHERE g.leg = 'PER_VICT'
UNION ALL
SELECT g.geo, g.year, g.leg, 'TOTAL', 'T', 'TOTAL', ci.cell, 'TOTAL', coalesce(x.n, 0)
FROM grp g JOIN (SELECT DISTINCT year, cell FROM cit_in) ci ON ci.year = g.year
LEFT JOIN citizen x ON x.geo = g.geo AND x.year = g.year AND x.cit = ci.cell
WHERE g.leg = 'PER_VICT'
UNION ALL
SELECT g.geo, g.year, g.leg, 'TOTAL', s.code, 'TOTAL', 'TOTAL', f.code, coalesce(x.n, 0)
FROM grp g CROSS JOIN sexes s CROSS JOIN forms f
LEFT JOIN exploitation x ON x.geo = g.geo AND x.year = g.year AND x.sex = s.code AND x.expl = f.code
WHERE g.leg = 'PER_VICT'
UNION ALL
SELECT g.geo, g.year, g.leg, v.code, 'T', 'TOTAL', 'TOTAL', 'TOTAL', coalesce(x.n, 0)
FROM grp g CROSS JOIN (VALUES ('IDENT'), ('PRESUMED'), ('TOTAL')) v(code)
LEFT JOIN status x ON x.geo = g.geo AND x.year = g.year AND x.vs = v.code
WHERE g.leg = 'PER_VICT'
UNION ALL
SELECT g.geo, g.year, g.leg, '_Z', s.code, 'TOTAL', ci.cell, 'TOTAL', coalesce(x.n, 0)
FROM grp g CROSS JOIN sexes s JOIN (SELECT DISTINCT year, cell FROM cit_in) ci ON ci.year = g.year
LEFT JOIN persons x ON x.geo = g.geo AND x.year = g.year AND x.leg = g.leg AND x.sex = s.code AND x.cit = ci.cell
WHERE g.leg IN ('PER_SUSP', 'PER_PRSC', 'PER_CNV');

-- A cell two tables share (victims by sex at age TOTAL are also victims by sex at exploitation
-- TOTAL) must have one count: DuckCube.java stops if this finds any.
CREATE TEMP TABLE disagreements AS
SELECT geo, year, leg, vs, sex, age, cit, expl, list(DISTINCT value) AS counts
FROM cells GROUP BY ALL HAVING count(DISTINCT value) > 1;

COPY (
  SELECT DISTINCT geo, year AS time, leg AS leg_stat, vs AS victim_status, sex, age, cit AS citizen, expl AS exploitation, value
  FROM cells ORDER BY ALL
) TO '${out}' (HEADER, DELIMITER ',');
