// Sources (two files found with find_string; the index did not return their repository names):
//   a React sidebar component SidebarTabs (index id 13154337637, complete file)
//   an Apollo GraphQL document module for questions (index id 41964571171, first three documents)
// Adapted: concatenated into one .tsx module; code unchanged.
// A DECOY-ONLY file: it must produce no finding.
// Classes: decoys (JSX className="select-none", the label "New Tab", GraphQL documents in gql``
//          tagged templates — "query getQuestionById(...)", "mutation createQuestion(...)" —
//          which look like queries but are not SQL).

import { SidebarTab } from "@/components/browser-ui/sidebar/tab";
import { SidebarGroup, SidebarGroupLabel, SidebarMenu, SidebarMenuButton } from "@/components/ui/sidebar";
import { useBrowser } from "@/components/main/browser-context";
import { PlusIcon } from "lucide-react";
import { AnimatePresence } from "motion/react";
import { gql } from '@apollo/client';

function NewTabButton() {
  const { handleCreateTab } = useBrowser();

  return (
    <SidebarMenuButton className="select-none" onClick={handleCreateTab}>
      <PlusIcon className="size-4 text-muted-foreground" />
      <span className="text-muted-foreground">New Tab</span>
    </SidebarMenuButton>
  );
}

export function SidebarTabs() {
  const { tabs } = useBrowser();

  return (
    <SidebarGroup>
      <SidebarGroupLabel className="select-none">Tabs</SidebarGroupLabel>
      <SidebarMenu>
        <NewTabButton />
        <AnimatePresence initial={false}>
          {tabs.map((tab) => (
            <SidebarTab key={tab.id} tab={tab} />
          ))}
        </AnimatePresence>
      </SidebarMenu>
    </SidebarGroup>
  );
}

export const createQuestion = gql`
  mutation createQuestion($createQuestion: CreateQuestionInput!) {
    createQuestion(createQuestionInput: $createQuestion) {
      id
      question
      answers
      isMultiple
    }
  }
`;

export const getQuestionById = gql`
  query getQuestionById($id: String!) {
    getQuestionById(id: $id) {
      question
      answers
      isMultiple
      id
      correctAnswer {
        text
        result
      }
    }
  }
`;

export const getAllQuestion = gql`
  query getAllQuestion {
    getAllQuestion {
      id
      question
      createdAt
    }
  }
`;
