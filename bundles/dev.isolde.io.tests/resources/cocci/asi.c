// SPDX-License-Identifier: GPL-2.0
static unsigned long jiffies_64;
int x __read_mostly;
static int secret_key;
DEFINE_PER_CPU(int, cpu_number);

void kvm_init(void)
{
	kvm_vcpu_cache = kmem_cache_create("kvm_vcpu", size, align, SLAB_ACCOUNT, NULL);
}

static struct page *alloc_vmcs_page(int order)
{
	return alloc_pages(GFP_KERNEL, order);
}

static struct vmx_state *vmx_alloc_state(int node, size_t n)
{
	struct vmx_state *s = kzalloc(sizeof(*s), GFP_KERNEL_ACCOUNT);

	s->msrs = kmalloc_array(n, sizeof(u64), GFP_KERNEL);
	s->bitmap = kcalloc(n, sizeof(long), GFP_KERNEL | __GFP_GLOBAL_NONSENSITIVE);
	s->buf = kmalloc_node(PAGE_SIZE, GFP_KERNEL, node);
	s->area = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, 1);
	s->page = alloc_pages_node(node, GFP_KERNEL, 0);
	return s;
}

static struct page *unrelated(void)
{
	void *p = kmalloc(64, GFP_KERNEL);

	return alloc_pages(GFP_KERNEL, 0);
}

void *bpf_prog_alloc(unsigned long size)
{
	return __vmalloc_node_range(size, 1, VMALLOC_START, VMALLOC_END, GFP_KERNEL, PAGE_KERNEL, 0, NUMA_NO_NODE, NULL);
}

void *bpf_jit_alloc_exec(unsigned long size)
{
	return __vmalloc_node_range(size, PAGE_SIZE, MODULES_VADDR, MODULES_END, GFP_KERNEL, PAGE_KERNEL, VM_FLUSH_RESET_PERMS, NUMA_NO_NODE, NULL);
}

void *kvm_vcpu_pages(unsigned long size)
{
	void *a = vzalloc(size);
	void *b = __vmalloc(size, GFP_KERNEL_ACCOUNT);
	void *c = vmalloc(size);

	return __vmalloc_node(size, 1, GFP_KERNEL, NUMA_NO_NODE, NULL);
}

void *unrelated_vmalloc(unsigned long size)
{
	return vmalloc(size);
}
