/// <reference lib="webworker" />
import { GeneratorService } from './generatorService';
import { type GeneratorRequest, transferablesOf } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const service = new GeneratorService((response) => self.postMessage(response, transferablesOf(response)));
self.onmessage = (event: MessageEvent<GeneratorRequest>) => service.handle(event.data);
