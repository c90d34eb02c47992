"""Language tools shared by the stages: sentence splitting, embeddings, text features."""
