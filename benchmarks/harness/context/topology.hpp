#pragma once
// Which ranks share a node. Nodes are found with MPI_Comm_split_type(SHARED), so a node is
// whatever MPI considers one shared-memory host, and are numbered by their lowest rank.
// For tests and teaching, `ranks_per_node` > 0 pretends instead that every run of that many
// consecutive ranks is a node of its own, named <hostname>-n<index>. Pretend nodes share
// their host's memory (each is given its share by rank count) and its power meters.
// Each rank also says where it may run (rank_placement.hpp).
#include <mpi.h>

#include <string>
#include <vector>

#include "context/node_info.hpp"
#include "context/rank_placement.hpp"

namespace bramble {

class Topology {
 public:
  // `root` prefixes the /proc and /sys paths the nodes' facts are read from (tests).
  explicit Topology(MPI_Comm world, int ranks_per_node = 0, const std::string& root = "");
  ~Topology();
  Topology(const Topology&) = delete;
  Topology& operator=(const Topology&) = delete;

  int node_count() const { return static_cast<int>(nodes_.size()); }
  int my_node() const { return rank_node_[static_cast<std::size_t>(my_rank_)]; }
  int node_of_rank(int rank) const { return rank_node_[static_cast<std::size_t>(rank)]; }
  bool is_node_leader() const { return node_rank_ == 0; }
  MPI_Comm node_comm() const { return node_comm_; }
  const std::vector<NodeInfo>& nodes() const { return nodes_; }  // same on every rank
  const std::vector<RankPlacement>& placements() const { return placements_; }  // by world rank, on every rank
  bool pretend() const { return pretend_; }
  // The real host a node runs on: its hostname, or for a pretend node the name without -n<i>.
  std::string host_of(int node) const;

 private:
  MPI_Comm node_comm_ = MPI_COMM_NULL;
  int my_rank_ = 0, node_rank_ = 0;
  bool pretend_ = false;
  std::vector<int> rank_node_;
  std::vector<NodeInfo> nodes_;
  std::vector<RankPlacement> placements_;
};

}  // namespace bramble
