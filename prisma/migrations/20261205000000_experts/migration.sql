-- University experts (a person role with their fields), the milestones of their placements (visits and
-- service reports), and the experts a 技术服务 / 技术咨询 contract places in the enterprise.
-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'expert';

-- AlterEnum
ALTER TYPE "MilestoneKind" ADD VALUE 'visit';
ALTER TYPE "MilestoneKind" ADD VALUE 'report';

-- AlterTable
ALTER TABLE "Person" ADD COLUMN "fields" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN "expertIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
