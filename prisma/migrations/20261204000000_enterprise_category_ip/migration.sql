-- Enterprise category as the programme's notice names it (龙头企业 / 专精特新 / 创新型中小企业 / 其他),
-- with ownership (国有 / 民营 / 外资 / 混合所有制) a separate column. Ownership values move to the new
-- column and leave the category as other; specialised_sme becomes specialised; high_tech and other
-- become other; an empty category stays empty.
CREATE TYPE "EnterpriseOwnership" AS ENUM ('state_owned', 'private', 'foreign_funded', 'mixed');

ALTER TABLE "Organisation" ADD COLUMN "ownership" "EnterpriseOwnership";

UPDATE "Organisation"
   SET "ownership" = "enterpriseCategory"::text::"EnterpriseOwnership"
 WHERE "enterpriseCategory"::text IN ('state_owned', 'private', 'foreign_funded');

ALTER TYPE "EnterpriseCategory" RENAME TO "EnterpriseCategory_old";

CREATE TYPE "EnterpriseCategory" AS ENUM ('leading', 'specialised', 'innovative_sme', 'other');

ALTER TABLE "Organisation" ALTER COLUMN "enterpriseCategory" TYPE "EnterpriseCategory"
  USING (CASE
           WHEN "enterpriseCategory" IS NULL THEN NULL
           WHEN "enterpriseCategory"::text = 'specialised_sme' THEN 'specialised'
           ELSE 'other'
         END)::"EnterpriseCategory";

DROP TYPE "EnterpriseCategory_old";

-- IP: each right an achievement rests on, with its kind and status, and whether it can still be offered.
CREATE TYPE "IpRightKind" AS ENUM ('invention_patent', 'utility_model', 'design_patent', 'software_copyright', 'plant_variety');

CREATE TYPE "IpRightStatus" AS ENUM ('pending', 'granted', 'lapsed');

CREATE TYPE "IpAvailability" AS ENUM ('open', 'exclusively_licensed', 'transferred');

CREATE TYPE "ResultsOwnership" AS ENUM ('university', 'enterprise', 'joint');

CREATE TYPE "LicenceScope" AS ENUM ('exclusive', 'sole', 'non_exclusive');

CREATE TABLE "AchievementRight" (
    "id" TEXT NOT NULL,
    "achievementId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "kind" "IpRightKind" NOT NULL,
    "status" "IpRightStatus" NOT NULL,

    CONSTRAINT "AchievementRight_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AchievementRight_achievementId_number_key" ON "AchievementRight"("achievementId", "number");

CREATE INDEX "AchievementRight_number_idx" ON "AchievementRight"("number");

ALTER TABLE "AchievementRight" ADD CONSTRAINT "AchievementRight_achievementId_fkey" FOREIGN KEY ("achievementId") REFERENCES "Achievement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The released patent numbers become rights, their kind and status read from the number as
-- domain/ip.ts rightFromNumber reads it.
INSERT INTO "AchievementRight" ("id", "achievementId", "number", "kind", "status")
SELECT gen_random_uuid()::text, "achievementId", "number",
       (CASE
          WHEN "number" ~ '^\d{4}SR\d' THEN 'software_copyright'
          WHEN "number" ~ '^CNA\d' THEN 'plant_variety'
          WHEN "number" ~ '^CN\d{7,9}[UY]\d?$' THEN 'utility_model'
          WHEN "number" ~ '^CN\d{7,9}S\d?$' THEN 'design_patent'
          WHEN "number" ~ '^CN\d{7,9}[ABC]\d?$' THEN 'invention_patent'
          WHEN "number" ~ '^(ZL)?(\d{4}[29]\d{7}|\d{2}[29]\d{5})\.?[0-9X]$' THEN 'utility_model'
          WHEN "number" ~ '^(ZL)?(\d{4}3\d{7}|\d{2}3\d{5})\.?[0-9X]$' THEN 'design_patent'
          ELSE 'invention_patent'
        END)::"IpRightKind",
       (CASE
          WHEN "number" ~ '^\d{4}SR\d' OR "number" ~ '^CNA\d' THEN 'granted'
          WHEN "number" ~ '^CN\d{7,9}A\d?$' THEN 'pending'
          WHEN "number" ~ '^(\d{4}[1-389]\d{7}|\d{2}[1-389]\d{5})\.?[0-9X]$' THEN 'pending'
          ELSE 'granted'
        END)::"IpRightStatus"
  FROM (SELECT DISTINCT a."id" AS "achievementId", upper(regexp_replace(normalize(p.typed, NFKC), '\s+', '', 'g')) AS "number"
          FROM "Achievement" a, unnest(a."patents") AS p(typed)
         WHERE btrim(p.typed) <> '') AS released;

ALTER TABLE "Achievement" DROP COLUMN "patents",
ADD COLUMN "availability" "IpAvailability" NOT NULL DEFAULT 'open';

-- A contract's IP terms and its 技术合同认定登记 number; a payment milestone's amount received.
ALTER TABLE "Contract" ADD COLUMN "resultsOwnership" "ResultsOwnership",
ADD COLUMN "licenceScope" "LicenceScope",
ADD COLUMN "licenceTerritory" TEXT,
ADD COLUMN "licenceTermMonths" INTEGER,
ADD COLUMN "registrationNumber" TEXT;

ALTER TABLE "Milestone" ADD COLUMN "receivedCny" DECIMAL(14,2);
