// SPDX-License-Identifier: GPL-2.0
static unsigned long jiffies_64 __asi_not_sensitive;
int x __asi_not_sensitive_readmostly;
static int secret_key;
DEFINE_PER_CPU_ASI_NOT_SENSITIVE(int, cpu_number);

void kvm_init(void)
{
	kvm_vcpu_cache = kmem_cache_create("kvm_vcpu", size, align,
					   SLAB_ACCOUNT | SLAB_LOCAL_NONSENSITIVE,
					   NULL);
}

static struct page *alloc_vmcs_page(int order)
{
	return alloc_pages(GFP_KERNEL | __GFP_GLOBAL_NONSENSITIVE, order);
}

static struct vmx_state *vmx_alloc_state(int node, size_t n)
{
	struct vmx_state *s = kzalloc(sizeof(*s),
				      GFP_KERNEL_ACCOUNT | __GFP_GLOBAL_NONSENSITIVE);

	s->msrs = kmalloc_array(n, sizeof(u64),
				GFP_KERNEL | __GFP_GLOBAL_NONSENSITIVE);
	s->bitmap = kcalloc(n, sizeof(long), GFP_KERNEL | __GFP_GLOBAL_NONSENSITIVE);
	s->buf = kmalloc_node(PAGE_SIZE,
			      GFP_KERNEL | __GFP_GLOBAL_NONSENSITIVE, node);
	s->area = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO | __GFP_GLOBAL_NONSENSITIVE,
					   1);
	s->page = alloc_pages_node(node,
				   GFP_KERNEL | __GFP_GLOBAL_NONSENSITIVE, 0);
	return s;
}

static struct page *unrelated(void)
{
	void *p = kmalloc(64, GFP_KERNEL);

	return alloc_pages(GFP_KERNEL, 0);
}

void *bpf_prog_alloc(unsigned long size)
{
	return __vmalloc_node_range(size, 1,
				    VMALLOC_GLOBAL_NONSENSITIVE_START,
				    VMALLOC_GLOBAL_NONSENSITIVE_END,
				    GFP_KERNEL, PAGE_KERNEL,
				    VM_GLOBAL_NONSENSITIVE, NUMA_NO_NODE,
				    NULL);
}

void *bpf_jit_alloc_exec(unsigned long size)
{
	return __vmalloc_node_range(size, PAGE_SIZE, MODULES_VADDR, MODULES_END, GFP_KERNEL, PAGE_KERNEL,
				    VM_FLUSH_RESET_PERMS | VM_GLOBAL_NONSENSITIVE,
				    NUMA_NO_NODE, NULL);
}

void *kvm_vcpu_pages(unsigned long size)
{
	void *a = __vmalloc(size,
			    GFP_KERNEL | __GFP_ZERO | __GFP_LOCAL_NONSENSITIVE);
	void *b = __vmalloc(size,
			    GFP_KERNEL_ACCOUNT | __GFP_LOCAL_NONSENSITIVE);
	void *c = __vmalloc(size, GFP_KERNEL | __GFP_LOCAL_NONSENSITIVE);

	return __vmalloc_node(size, 1, GFP_KERNEL | __GFP_LOCAL_NONSENSITIVE,
			      NUMA_NO_NODE, NULL);
}

void *unrelated_vmalloc(unsigned long size)
{
	return vmalloc(size);
}
