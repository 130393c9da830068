"""The Resourceful Leadership knowledge base: data/*.yaml -> validated model -> pages."""
