// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import dev.isolde.dsl.isolde.AsiModel;

/** The text of a new policy: a small, valid example of its ASI model that the user edits from there. */
public final class StarterPolicy {

	private StarterPolicy() {
	}

	/** A policy name (an ID) from a file name: "kvm-host.asi" is kvm_host. */
	public static String nameOf(String fileName) {
		String stem = fileName.endsWith(".asi") ? fileName.substring(0, fileName.length() - 4) : fileName;
		String name = stem.replaceAll("[^A-Za-z0-9_]", "_");
		return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "_" + name : name;
	}

	/** The starter policy; {@code kernelPath} (relative to the policy) may be null for none. */
	public static String text(String name, AsiModel model, String kernelPath) {
		StringBuilder b = new StringBuilder();
		if (model == AsiModel.ASI2025) {
			b.append("// ASI as in the 2024-25 series: a denylist, only sensitive memory leaves the restricted space.\n");
		} else {
			b.append("// ASI as in the 2022 KVM-ASI RFC: an allowlist, memory is sensitive unless a block maps it.\n");
		}
		if (kernelPath != null && !kernelPath.isBlank()) {
			b.append("kernel \"").append(kernelPath.replace("\\", "/")).append("\"\n");
		}
		b.append("\npolicy ").append(name).append(" for x86_64 paging 4 {\n");
		if (model == AsiModel.ASI2025) {
			b.append("""
					  model asi2025
					  default nonsensitive

					  sensitive {
					    memory user, guest because "__GFP_SENSITIVE: user and guest pages never enter the restricted space"
					  }
					}

					asi class KVM per vm {
					  maps global
					  taints guest_data, guest_control
					  policy protect_data user_data, other_mm_data prevent_control user_control
					  flush data with l1d_flush
					}
					""");
		} else {
			b.append("""
					  model rfc2022
					  default sensitive

					  global nonsensitive {
					    region kernel_text, cpu_entry_area
					      because "entry code and the entry area are mapped in every restricted space"
					  }

					  local nonsensitive per vm {
					    memory guest because "guest memory belongs to the VM that runs"
					  }
					}

					asi class KVM per vm {
					  maps global, local
					  on enter l1d_flush, mds_clear, sibling_unstun
					  on exit sibling_stun
					}
					""");
		}
		b.append("\nvm guest1 uses KVM\n");
		return b.toString();
	}
}
