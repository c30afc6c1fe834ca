// The parts of @kubernetes/client-node this project uses, in a module of their own: callers import it on
// demand, so a run without --cluster never loads the client (several megabytes).
export { ApiException, CoreV1Api, KubeConfig } from "@kubernetes/client-node";
