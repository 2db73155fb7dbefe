/** The file `npm run new -- --dossier` writes: valid front matter and one of each common embed, to edit. Pure. */
import { pinyinSlug } from '../archive/report-path.ts';
import { DOSSIERS_DIR } from '../check/dossier.ts';

export interface DossierSkeletonInput {
  title: string;
  date: string;
  regions: string[];
  topics: string[];
}

/** content/dossiers/<pinyin-slug>.mdx and its text. */
export function dossierSkeleton(input: DossierSkeletonInput): { path: string; text: string } {
  const region = input.regions[0];
  const topic = input.topics[0];
  const text = `---
title: ${input.title}
summary: （一两句话说明这个专题讲什么。One or two sentences for lists, search and feeds.）
date: ${input.date}
regions: [${input.regions.map((r) => `"${r}"`).join(', ')}]
topics: [${input.topics.join(', ')}]
authors: [协商档案编辑部]
---

## 概述

（在此写专题正文。下面的组件从档案生成列表、图表和时间线；组件和写法见 README 的“专题”一节。）

<Reports topic="${topic}" region="${region}" limit={10} />

<CountChart by="year" topic="${topic}" region="${region}" />

<Timeline region="${region}" topic="${topic}" />
`;
  return { path: `${DOSSIERS_DIR}${pinyinSlug(input.title)}.mdx`, text };
}
