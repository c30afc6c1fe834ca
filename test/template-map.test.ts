import { describe, expect, it } from "vitest";
import { findInTemplate, findInTemplateOfKind } from "../src/sources/template-map.js";

const template = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}
spec:
  template:
    spec:
      {{- with .Values.podSecurityContext }}
      securityContext:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: api
          image: "{{ .Values.image }}"
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
        - name: sidecar
          securityContext:
            allowPrivilegeEscalation: true
`.split("\n");

describe("mapping rendered paths back to Helm templates", () => {
  it("follows keys down the indentation", () => {
    expect(findInTemplate(template, ["spec", "template", "spec", "securityContext"])).toEqual({ line: 9, column: 7, matched: 4 });
  });

  it("counts sequence items to reach the right container", () => {
    expect(findInTemplate(template, ["spec", "template", "spec", "containers", 1, "securityContext", "allowPrivilegeEscalation"])).toEqual({
      line: 19,
      column: 13,
      matched: 7,
    });
  });

  it("stops at the line that emits values it does not spell out", () => {
    expect(findInTemplate(template, ["spec", "template", "spec", "containers", 0, "securityContext", "runAsNonRoot"])).toEqual({ line: 15, column: 11, matched: 6 });
  });

  it("does not match a key outside its parent block", () => {
    expect(findInTemplate(template, ["metadata", "securityContext"])).toEqual({ line: 3, column: 1, matched: 1 });
  });

  it("searches the documents of the object's kind in a template that holds several", () => {
    const multi = `apiVersion: v1
kind: PersistentVolumeClaim
spec:
  accessModes: [ReadWriteOnce]
---
apiVersion: batch/v1
kind: CronJob
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: backup
              securityContext:
                {{- include "app.containerSecurityContext" . | nindent 16 }}
`.split("\n");
    const path = ["spec", "jobTemplate", "spec", "template", "spec", "containers", 0, "securityContext", "privileged"];
    expect(findInTemplateOfKind(multi, "CronJob", path)).toEqual({ line: 15, column: 15, matched: 8 });
    // Without the kind, the first document's `spec` is the best it can do: what the kind filter prevents.
    expect(findInTemplate(multi, path)?.line).toBe(3);
  });
});
