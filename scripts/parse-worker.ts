// One worker of parseInParallel: parses the articles it is given and sends back the results, in order.
import { parentPort, workerData } from 'node:worker_threads';
import { parseArticle } from '../lib/parse-article';
import type { SourceFile } from '../lib/content';

const sources: SourceFile[] = workerData;
parentPort?.postMessage(sources.map((source) => parseArticle(source.file, source.raw)));
