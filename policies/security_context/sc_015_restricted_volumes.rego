package resilience.security_context

# METADATA
# title: Volume type not allowed by restricted
# description: |
#   Pod Security "restricted" allows only these inline volume sources: configMap, csi, downwardAPI,
#   emptyDir, ephemeral, image (policy v1.33+), persistentVolumeClaim, projected and secret. Every other
#   source (hostPath, nfs, iscsi, gitRepo, cephfs, the in-tree cloud disks, ...) is forbidden: they
#   reach node paths or storage directly, bypassing the PersistentVolume layer an administrator controls.
#   A volume that names no source at all is defaulted to emptyDir by the API server and passes.
# custom:
#   id: SC-015
#   severity: block
#   remediation: |
#     Replace the inline source with a persistentVolumeClaim (storage defined through a PersistentVolume)
#     or one of the allowed types:
#     ```yaml
#     volumes:
#       - name: data
#         persistentVolumeClaim:
#           claimName: data
#     ```
#   docs: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
findings contains finding if {
	some workload in input.workloads
	restricted_checked(workload)
	some i, volume in array_or_empty(pod_spec(workload), "volumes")
	is_object(volume)
	sources := {key | some key, value in volume; key != "name"; value != null}
	count(sources & restricted_allowed_volume_sources) == 0
	count(sources) > 0
	source := first_restricted_source(sources)
	finding := {
		"rule": "SC-015",
		"message": sprintf(
			"volume %s uses the %s volume type, which restricted does not allow",
			[value_text(value_or(volume, "name", "")), source],
		),
		"workload": workload.id,
		"path": ["spec", "volumes", i, source],
	}
}

restricted_allowed_volume_sources := {
	"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image",
	"persistentVolumeClaim", "projected", "secret",
}

# The restricted sources in the order upstream names them.
restricted_forbidden_volume_sources := [
	"hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs",
	"rbd", "flexVolume", "cinder", "cephfs", "flocker", "fc", "azureFile", "vsphereVolume", "quobyte",
	"azureDisk", "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos",
]

first_restricted_source(sources) := known[0] if {
	known := [source | some source in restricted_forbidden_volume_sources; source in sources]
	count(known) > 0
} else := sort(sources)[0]
