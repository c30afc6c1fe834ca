// The parts of @kubernetes/client-node this project uses, in a module of their own: callers import it on
// demand, so a run without --cluster never loads the client (several megabytes).
export { ApiException, AppsV1Api, CoreV1Api, KubeConfig, NetworkingV1Api } from "@kubernetes/client-node";
