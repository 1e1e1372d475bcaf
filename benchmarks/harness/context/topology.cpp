#include "context/topology.hpp"

#include <string>

#include "context/memory_limit.hpp"
#include "core/gather.hpp"

namespace bramble {
namespace {

// NodeInfo travels as text: small, and no MPI datatype to keep in step with the struct.
std::string serialise(const NodeInfo& n) { return encode(to_values(n, node_info_fields())); }
NodeInfo deserialise(const std::string& s) { return from_values(decode(s), node_info_fields()); }

// Where this rank may run, its CPUs looked up in its own host's topology (only the map of
// CPUs to cores is used, so no fallback count is needed).
std::string placement_text(int node, const std::string& root) {
  return encode(to_values(this_rank_placement(node, read_cpu_topology(root, 0)), rank_placement_fields()));
}

}  // namespace

Topology::Topology(MPI_Comm world, int ranks_per_node, const std::string& root) {
  int size = 0;
  MPI_Comm_rank(world, &my_rank_);
  MPI_Comm_size(world, &size);
  pretend_ = ranks_per_node > 0;
  int host_ranks = 1;  // ranks on this rank's real host
  {
    MPI_Comm host = MPI_COMM_NULL;
    MPI_Comm_split_type(world, MPI_COMM_TYPE_SHARED, my_rank_, MPI_INFO_NULL, &host);
    MPI_Comm_size(host, &host_ranks);
    if (pretend_)
      MPI_Comm_split(host, my_rank_ / ranks_per_node, my_rank_, &node_comm_);  // never across hosts
    else
      MPI_Comm_dup(host, &node_comm_);
    MPI_Comm_free(&host);
  }
  int node_ranks = 1;
  MPI_Comm_size(node_comm_, &node_ranks);
  MPI_Comm_rank(node_comm_, &node_rank_);

  // Each node's leader (its lowest rank) numbers the node by its own world rank.
  int leader = my_rank_;
  MPI_Bcast(&leader, 1, MPI_INT, 0, node_comm_);
  std::vector<int> leaders(static_cast<std::size_t>(size));
  MPI_Allgather(&leader, 1, MPI_INT, leaders.data(), 1, MPI_INT, world);
  std::vector<int> node_of_leader(static_cast<std::size_t>(size), -1);
  int count = 0;
  for (int r = 0; r < size; ++r)
    if (leaders[r] == r) node_of_leader[r] = count++;
  for (int r = 0; r < size; ++r) rank_node_.push_back(node_of_leader[leaders[r]]);

  // Every rank contributes its text; only leaders' entries are kept.
  std::string mine;
  if (is_node_leader()) {
    NodeInfo info = read_node_info(root);
    // What this host's ranks may take together under a cgroup or ulimit, before a pretend
    // node's share of it.
    const LimitedMemory memory = limited_available(info.memory_available_bytes, read_memory_limits(root), host_ranks);
    info.memory_available_bytes = memory.available;
    info.memory_limit = memory.limit;
    if (pretend_) {  // this pretend node's share of the host
      info.hostname += "-n" + std::to_string(my_rank_ / ranks_per_node);
      info.memory_total_bytes = info.memory_total_bytes / host_ranks * node_ranks;
      info.memory_available_bytes = info.memory_available_bytes / host_ranks * node_ranks;
    }
    mine = serialise(info);
  }
  const std::vector<std::string> all = allgather_text(world, mine);
  for (int r = 0; r < size; ++r)
    if (leaders[r] == r) nodes_.push_back(deserialise(all[static_cast<std::size_t>(r)]));
  for (int r = 0; r < size; ++r) ++nodes_[static_cast<std::size_t>(rank_node_[r])].ranks;

  for (const std::string& text : allgather_text(world, placement_text(my_node(), root)))
    placements_.push_back(from_values(decode(text), rank_placement_fields()));
}

Topology::~Topology() { MPI_Comm_free(&node_comm_); }

std::string Topology::host_of(int node) const {
  const std::string& name = nodes_[static_cast<std::size_t>(node)].hostname;
  return pretend_ ? name.substr(0, name.rfind("-n")) : name;
}

}  // namespace bramble
