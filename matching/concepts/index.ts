import { agriculture } from './agriculture.ts';
import { automotive } from './automotive.ts';
import { chemicals } from './chemicals.ts';
import { construction } from './construction.ts';
import { electronics } from './electronics.ts';
import { energy } from './energy.ts';
import { environment } from './environment.ts';
import { information } from './information.ts';
import { machinery } from './machinery.ts';
import { marine } from './marine.ts';
import { materials } from './materials.ts';
import { medicine } from './medicine.ts';
import { metallurgy } from './metallurgy.ts';
import { miningSafety } from './mining-safety.ts';
import { textiles } from './textiles.ts';
import type { ConceptMap } from './types.ts';
import { visionAi } from './vision-ai.ts';

/** The curated production-language ↔ research-language map, one file per industry family. */
export const CONCEPT_MAP: ConceptMap = {
  version: '2026.12-3',
  industries: [
    metallurgy,
    materials,
    machinery,
    visionAi,
    textiles,
    chemicals,
    energy,
    electronics,
    agriculture,
    medicine,
    environment,
    construction,
    automotive,
    marine,
    miningSafety,
    information,
  ],
};

export type { Concept, ConceptMap, IndustryConcepts } from './types.ts';
